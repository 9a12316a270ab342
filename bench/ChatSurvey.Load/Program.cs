using ChatSurvey.Load;

// dotnet run -c Release --project bench/ChatSurvey.Load -- load --store redis --respondents 200 [--pause 2000-4000]
// dotnet run -c Release --project bench/ChatSurvey.Load -- memory --count 100000
// dotnet run -c Release --project bench/ChatSurvey.Load -- store [--respondents 2000] [--read 1000000] [--providers postgres,sqlite]
// dotnet run -c Release --project bench/ChatSurvey.Load -- webhooks [--sizes 50,200,1000] [--pauses 0,2000-4000] [--soak-minutes 10]
// dotnet run -c Release --project bench/ChatSurvey.Load -- allocations
// dotnet run -c Release --project bench/ChatSurvey.Load -- dashboard [--responses 1000000] [--providers postgres,sqlite] [--repeat 30] [--quiet-below 1.0]
var mode = args.FirstOrDefault() ?? "load";
string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

if (mode == "memory")
{
    await MemoryRun.RunAsync(int.Parse(Option("--count", "100000"), System.Globalization.CultureInfo.InvariantCulture));
}
else if (mode == "webhooks")
{
    await WebhookLoadRun.RunAsync(WebhookSettings.Parse(args));
}
else if (mode == "allocations")
{
    await AllocationRun.RunAsync();
}
else if (mode == "floor")
{
    // Started by the webhooks mode as a child process; runs until killed.
    await FloorEndpoint.RunAsync(name => Option(name, ""));
}
else if (mode == "store")
{
    await StoreRun.RunAsync(int.Parse(Option("--respondents", "2000"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Option("--read", "1000000"), System.Globalization.CultureInfo.InvariantCulture), Option("--providers", "postgres,sqlite").Split(','));
}
else if (mode == "dashboard")
{
    await DashboardRun.RunAsync(
        long.Parse(Option("--responses", "1000000"), System.Globalization.CultureInfo.InvariantCulture),
        Option("--providers", "postgres,sqlite").Split(','),
        int.Parse(Option("--repeat", "30"), System.Globalization.CultureInfo.InvariantCulture),
        double.Parse(Option("--quiet-below", "1.0"), System.Globalization.CultureInfo.InvariantCulture));
}
else if (mode == "store-export")
{
    // Started by the store mode as a child process, so each export's memory is measured on its own.
    await StoreRun.ExportAsync(Option("--provider", ""), Option("--connection", ""), Option("--format", "csv"));
}
else
{
    var pause = Option("--pause", "0").Split('-').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    await LoadRun.RunAsync(Option("--store", "memory"), int.Parse(Option("--respondents", "200"), System.Globalization.CultureInfo.InvariantCulture), pause[0], pause[^1]);
}
