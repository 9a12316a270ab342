using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ChatSurvey.Load;

/// <summary>
/// The webhook load run: the bot and the floor started side by side, calibrated and warmed up; then each scenario
/// (respondents × pause) on the bot and right after on the floor, so both meet the same machine; then the soak on the
/// bot. Prints the tables and writes every figure as JSON.
/// </summary>
internal static class WebhookLoadRun
{
    // Named literals: a run with no turns has NaN percentiles, which plain JSON cannot hold.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly JsonSerializerOptions OneLine = new(Json) { WriteIndented = false };

    public static async Task RunAsync(WebhookSettings settings)
    {
        Console.WriteLine(Machine());
        await using var environment = await WebhookEnvironment.StartAsync(settings.BotEnvironment, settings.Store);
        // Interrupted (Ctrl+C, kill): stop the bot, the floor, Redis and PostgreSQL rather than leave them running.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            environment.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Environment.Exit(130);
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        Console.WriteLine($"bot pid {environment.Bot.Process.Pid}, floor pid {environment.Floor.Process.Pid}, logs in {environment.Folder}");
        foreach (var target in new[] { environment.Bot, environment.Floor })
        {
            foreach (var channel in Enum.GetValues<Channel>())
            {
                await environment.Respondents.CalibrateAsync(target, channel);
                Console.WriteLine($"{target.Name} {channel}: messages after each step {string.Join(' ', target.Expected[channel])}");
            }

            await WarmUpAsync(environment, target, settings);
        }

        var runs = new List<RunResult>();
        foreach (var size in settings.Sizes)
        {
            foreach (var scenario in settings.ScenariosOf(size))
            {
                foreach (var target in new[] { environment.Bot, environment.Floor })
                {
                    var result = await ScenarioRun.RunAsync(environment, target, scenario, settings.Strict);
                    runs.Add(result);
                    Console.WriteLine(JsonSerializer.Serialize(result, OneLine));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(WebhookReport.Tables(runs));
        var series = await ChatSurveySeriesAsync(environment);
        Console.WriteLine($"ChatSurvey series on the bot's /metrics after the runs: {string.Join(", ", series)}");
        SoakResult? soak = null;
        if (settings.SoakDuration > TimeSpan.Zero)
        {
            var pause = settings.Pauses.LastOrDefault(p => p.Max > 0);
            pause = pause.Max > 0 ? pause : (2000, 4000);
            // What a finished conversation keeps, from the largest pausing run (its outbox drained, nothing else in flight).
            var finished = runs.Where(r => r.Target == "bot" && r.Pause != "none").MaxBy(r => r.Respondents)?.RedisBytesPerFinishedConversation ?? 700;
            soak = await SoakRun.RunAsync(environment, new Scenario(settings.SoakRespondents, pause.Min, pause.Max, settings.PausedChannels), settings.SoakDuration, finished);
            Console.WriteLine(WebhookReport.Soak(soak));
        }

        var idle = settings.Idle > TimeSpan.Zero ? await IdleAsync(environment, settings.Idle) : null;
        await File.WriteAllTextAsync(settings.Output, JsonSerializer.Serialize(new { machine = Machine(), date = DateTimeOffset.UtcNow, settings.Store, settings.BotEnvironment, runs, metricSeries = series, soak, idle }, Json));
        Console.WriteLine($"raw results: {Path.GetFullPath(settings.Output)}");
    }

    /// <summary>
    /// Connection pools, Redis scripts and the JIT warmed before anything is measured. The runtime re-compiles hot methods
    /// (tier 0, then instrumented, then optimised) on a background thread only once new methods stop appearing, so a
    /// single round left most of that work to the first measured run (a third of a core for its first seconds, about a
    /// tenth of its CPU per turn): rounds repeat until one costs the JIT thread under a tenth of what the first did
    /// (at most eight rounds). It never reaches zero: the warm-up mixes channels that the measured runs may not.
    /// </summary>
    private static async Task WarmUpAsync(WebhookEnvironment environment, Target target, WebhookSettings settings)
    {
        var first = TimeSpan.Zero;
        for (var round = 1; round <= 8; round++)
        {
            var jitBefore = ProcStats.JitCpu(target.Process.Pid);
            await ScenarioRun.RunAsync(environment, target, new Scenario(200, 0, 0, settings.PausedChannels), strict: false);
            // Give the background compiler the pause it waits for before it takes the methods counted in this round.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var jit = ProcStats.JitCpu(target.Process.Pid) - jitBefore;
            Console.WriteLine($"{target.Name} warm-up round {round}: JIT thread {jit.TotalMilliseconds:F0} ms");
            first = round == 1 ? jit : first;
            if (jit < first / 10)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Nobody writing: what the bot, its Redis and (with PostgreSQL) the store cost in cores, after the runs left their
    /// conversations behind, with Redis and the store configured as in production.
    /// </summary>
    private static async Task<IdleResult> IdleAsync(WebhookEnvironment environment, TimeSpan over)
    {
        // Replies and the outbox of the last run settle first.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var bot = environment.Bot;
        var redisPid = await bot.RedisPidAsync();
        var (botBefore, redisBefore, postgresBefore) = (ProcStats.Cpu(bot.Process.Pid), ProcStats.Cpu(redisPid), environment.PostgresCpu());
        await Task.Delay(over);
        var result = new IdleResult(over.TotalSeconds, (ProcStats.Cpu(bot.Process.Pid) - botBefore) / over, (ProcStats.Cpu(redisPid) - redisBefore) / over, (environment.PostgresCpu() - postgresBefore) / over);
        Console.WriteLine($"idle for {over.TotalSeconds:F0} s: bot {result.BotCores:F4} cores, its Redis {result.RedisCores:F4}, PostgreSQL {result.PostgresCores:F4}");
        return result;
    }

    private sealed record IdleResult(double Seconds, double BotCores, double RedisCores, double PostgresCores);

    /// <summary>The names of the bot's own series on /metrics (what a Prometheus scrape sees during a campaign).</summary>
    private static async Task<IReadOnlyList<string>> ChatSurveySeriesAsync(WebhookEnvironment environment)
    {
        var text = await environment.Http.GetStringAsync(new Uri(environment.Bot.BaseAddress, "/metrics"));
        return [.. text.Split('\n')
            .Where(l => l.StartsWith("chatsurvey_", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOfAny(['{', ' '])])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {model}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
    }
}
