using BenchmarkDotNet.Attributes;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Benchmarks;

/// <summary>
/// One call of <see cref="ConversationEngine.Resume"/> per operation, single-threaded (one core), from states replayed
/// in setup: the engine's cost per incoming message, without I/O or state serialization.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class EngineTurnBenchmarks
{
    /// <summary>The turns of <see cref="SurveyScript.Typical"/>: /start, consent, 16 answer messages, send.</summary>
    public const int WholeSurveyTurns = 19;

    private CompiledSurvey _survey = null!;
    private ConversationState _atQ1 = null!;
    private DateTimeOffset _nowQ1;
    private ConversationState _atQ3 = null!;
    private DateTimeOffset _nowQ3;
    private ConversationState _atQ4 = null!;
    private DateTimeOffset _nowQ4;
    private ConversationState _atQ5 = null!;
    private DateTimeOffset _nowQ5;
    private ConversationState _atQ9 = null!;
    private DateTimeOffset _nowQ9;
    private ConversationState _atQ11 = null!;
    private DateTimeOffset _nowQ11;
    private Input[] _wholeSurvey = [];

    private readonly Input _yes = Input.FromText("sí");
    private readonly Input _oneAndThree = Input.FromText("1 y 3");
    private readonly Input _grid = Input.FromText("B R M B E");
    private readonly Input _ranked = Input.FromText("3 1 7 12 5");
    private readonly Input _freeText = Input.FromText("Falta de agua potable en el barrio");
    private readonly Input _rejected = Input.FromText("quizás");

    [GlobalSetup]
    public void Setup()
    {
        _survey = SurveyScript.LoadSurvey();
        (_atQ1, _nowQ1) = SurveyScript.Reach(_survey, "q1");
        (_atQ3, _nowQ3) = SurveyScript.Reach(_survey, "q3");
        (_atQ4, _nowQ4) = SurveyScript.Reach(_survey, "q4");
        (_atQ5, _nowQ5) = SurveyScript.Reach(_survey, "q5");
        (_atQ9, _nowQ9) = SurveyScript.Reach(_survey, "q9");
        (_atQ11, _nowQ11) = SurveyScript.Reach(_survey, "q11");
        _wholeSurvey = [.. SurveyScript.Typical];

        // The figures mean something only if each turn does what it is named after.
        Expect(YesNo().Events.Count == 2, "yes/no: recorded and next question asked");
        Expect(MultipleChoice().State.Answers[2]?.Choices.Length == 2, "\"1 y 3\": two choices recorded");
        Expect(Grid().State.Answers[5]?.Choices.Length == 5, "grid: five rows recorded");
        Expect(Ranked().State.Answers[12]?.Choices.Length == 5, "ranked: five places recorded");
        Expect(FreeText().State.Draft.Texts.Length == 1, "free text: first part kept");
        Expect(Rejected().Replies[0].IsReask, "rejected: re-asked");
        var (final, _) = SurveyScript.Replay(_survey, _wholeSurvey);
        Expect(_wholeSurvey.Length == WholeSurveyTurns && final.Stage == Stage.Completed, "whole survey: completed");
    }

    [Benchmark(Description = "yes/no \"sí\" (q1)")]
    public Turn YesNo() => ConversationEngine.Resume(_survey, _atQ1, _yes, _nowQ1);

    [Benchmark(Description = "multiple \"1 y 3\" (q3)")]
    public Turn MultipleChoice() => ConversationEngine.Resume(_survey, _atQ3, _oneAndThree, _nowQ3);

    [Benchmark(Description = "grid \"B R M B E\" (q5)")]
    public Turn Grid() => ConversationEngine.Resume(_survey, _atQ5, _grid, _nowQ5);

    [Benchmark(Description = "ranked \"3 1 7 12 5\" (q11)")]
    public Turn Ranked() => ConversationEngine.Resume(_survey, _atQ11, _ranked, _nowQ11);

    [Benchmark(Description = "free text, 34 chars (q9)")]
    public Turn FreeText() => ConversationEngine.Resume(_survey, _atQ9, _freeText, _nowQ9);

    [Benchmark(Description = "rejected \"quizás\" (q4)")]
    public Turn Rejected() => ConversationEngine.Resume(_survey, _atQ4, _rejected, _nowQ4);

    /// <summary>Every turn of a typical conversation; BenchmarkDotNet divides time and memory by the turn count.</summary>
    [Benchmark(Description = "whole survey, per turn", OperationsPerInvoke = WholeSurveyTurns)]
    public ConversationState WholeSurvey()
    {
        var state = ConversationState.Initial;
        var now = SurveyScript.Epoch;
        foreach (var input in _wholeSurvey)
        {
            state = ConversationEngine.Resume(_survey, state, input, now).State;
            now = now.AddSeconds(10);
        }

        return state;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup is wrong: {what}.");
        }
    }
}
