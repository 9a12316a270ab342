using BenchmarkDotNet.Running;
using ChatSurvey.Benchmarks;
using ChatSurvey.Domain.Conversations;

// `--size`: the serialized state size at several points of the survey, without running any benchmark.
if (args.Contains("--size"))
{
    PrintSizes();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineTurnBenchmarks).Assembly).Run(args);

static void PrintSizes()
{
    var survey = SurveyScript.LoadSurvey();
    var typical = SurveyScript.Typical;
    (string Point, IEnumerable<Input> Inputs)[] points =
    [
        ("new (initial state)", []),
        ("consent asked (after /start)", typical.Take(1)),
        ("q1 asked (after consent)", typical.Take(2)),
        ("q5 asked (typical)", typical.Take(7)),
        ("q9 asked (typical)", typical.Take(11)),
        ("q11 asked (typical)", typical.Take(15)),
        ("summary (typical script)", typical.Take(typical.Count - 1)),
        ("completed (typical script)", typical),
        ("summary, everything answered, ~30-char texts", SurveyScript.LongestToSummary()),
        ("summary, everything answered, 200-char texts", SurveyScript.LongestToSummary(200)),
    ];

    Console.WriteLine("| point of the survey | stage | serialized bytes |");
    Console.WriteLine("| --- | --- | ---: |");
    foreach (var (point, inputs) in points)
    {
        var (state, _) = SurveyScript.Replay(survey, inputs);
        Console.WriteLine($"| {point} | {state.Stage} | {StateSerializer.Serialize(state).Length} |");
    }
}
