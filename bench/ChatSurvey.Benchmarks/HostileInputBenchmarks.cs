using BenchmarkDotNet.Attributes;
using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Benchmarks;

/// <summary>
/// The worst messages found for the engine: 8,000 characters of long lists, repeated separators and conjunctions, one
/// long word, emoji, direction marks and control characters, at every kind of question. One operation is what the
/// host does with a message: <see cref="TextHygiene.Clean(string, int)"/>, then one engine turn.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HostileInputBenchmarks
{
    private const int Length = 8000;

    /// <summary>Each a unit repeated up to 8,000 characters.</summary>
    private static readonly Dictionary<string, string> Units = new()
    {
        ["conjunctions \"y y y\""] = "y ",
        ["list \"1,1,1\""] = "1,",
        ["numbers \"1 2 3\""] = "1 2 3 4 5 6 7 8 9 10 ",
        ["separators \", , ,\""] = ", ",
        ["names \"arte y arte y\""] = "arte y ",
        ["mixed \"salud y 3, tele e\""] = "salud y 3, tele e ",
        ["one word \"aaaa\""] = "a",
        ["letters \"bbbb\""] = "b",
        ["emoji"] = "\uD83D\uDE00",
        ["RTL marks"] = "\u200F\u202E",
        ["NUL, BEL, ESC"] = "\u0000\u0007\u001B",
        ["combining accents"] = "e\u0301",
    };

    private CompiledSurvey _survey = null!;
    private ConversationState _state = null!;
    private DateTimeOffset _now;
    private string _text = "";

    public static IEnumerable<string> Stages => ["consent", "q1", "q3", "q4", "q5", "q9", "q11", "summary"];

    public static IEnumerable<string> Inputs => Units.Keys;

    [ParamsSource(nameof(Stages))]
    public string Stage { get; set; } = "";

    [ParamsSource(nameof(Inputs))]
    public string Message { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _survey = SurveyScript.LoadSurvey();
        (_state, _now) = Stage switch
        {
            "consent" => SurveyScript.Replay(_survey, SurveyScript.Typical.Take(1)),
            "summary" => SurveyScript.Replay(_survey, SurveyScript.Typical.Take(SurveyScript.Typical.Count - 1)),
            _ => SurveyScript.Reach(_survey, Stage),
        };
        var unit = Units[Message];
        _text = string.Concat(Enumerable.Repeat(unit, Length / unit.Length));
        if (Turn().State.Stage != _state.Stage)
        {
            throw new InvalidOperationException($"Benchmark setup is wrong: {Message} moved {Stage} on.");
        }
    }

    [Benchmark]
    public Turn Turn() => ConversationEngine.Resume(_survey, _state, Input.FromText(TextHygiene.Clean(_text, Length)), _now);
}
