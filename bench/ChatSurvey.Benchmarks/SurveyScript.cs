using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Benchmarks;

/// <summary>
/// The real survey and complete, valid ways through it, replayed through the engine (with a clock that moves 10 s per
/// message, as a person typing) to reach the points the benchmarks start from.
/// </summary>
public static class SurveyScript
{
    public const string FileName = "gobierno-abierto-2022.json";

    public static readonly DateTimeOffset Epoch = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A typical whole conversation, from /start to the confirmation: "otro" only in question 3, one contact answer.
    /// </summary>
    public static IReadOnlyList<Input> Typical { get; } =
    [
        Input.Start(),
        Input.FromText("1"),
        Input.FromText("sí"), // q1
        Input.FromText("no"), // q2
        Input.FromText("1 y 8"), // q3: television and "otro"
        Input.FromText("Carteles en el mercado"), // q3_otro
        Input.FromText("bueno"), // q4
        Input.FromText("B R M B E"), // q5
        Input.FromText("E B R M P B"), // q6
        Input.FromText("r r r m m p"), // q7
        Input.FromText("2"), // q8
        Input.FromText("Falta de agua potable"), // q9, first part
        Input.FromText("Calles sin pavimentar"), // q9, second part
        Input.FromText("Basura en el río"), // q10, first part
        Input.FromText("Jornadas de limpieza con vecinos"), // q10, second part
        Input.FromText("3 1 7 12 5"), // q11
        Input.FromText("sí"), // q12
        Input.FromText("no"), // q12_contacto
        Input.FromText("1"), // the summary: send
    ];

    /// <summary>
    /// The longest state: every question answered, every "otro" follow-up and the contact question included,
    /// free texts of about 30 characters. Ends at the summary (no "send").
    /// </summary>
    public static IReadOnlyList<Input> LongestToSummary(int textLength = 0) =>
    [
        Input.Start(),
        Input.FromText("1"),
        Input.FromText("sí"),
        Input.FromText("sí"),
        Input.FromText("1, 3, 5, 7 y 8"),
        Input.FromText(Text("Carteles en el mercado central", textLength)),
        Input.FromText("regular"),
        Input.FromText("B R M B E"),
        Input.FromText("E B R M P B"),
        Input.FromText("r r r m m p"),
        Input.FromText("7"),
        Input.FromText(Text("Personas jornaleras migrantes", textLength)),
        Input.FromText(Text("Falta de agua potable diaria", textLength)),
        Input.FromText(Text("Calles sin pavimentar ni luz", textLength)),
        Input.FromText(Text("Basura acumulada junto al río", textLength)),
        Input.FromText(Text("Jornadas de limpieza vecinal", textLength)),
        Input.FromText("3 1 7 12 22"),
        Input.FromText(Text("Agua potable y saneamiento", textLength)),
        Input.FromText("sí"),
        Input.FromText("sí"),
    ];

    public static CompiledSurvey LoadSurvey()
    {
        var path = Find(AppContext.BaseDirectory) ?? Find(Directory.GetCurrentDirectory())
            ?? throw new FileNotFoundException($"surveys/{FileName} not found next to the benchmarks or above them.");
        var packs = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(path)!, "languages"), "*.json").Select(f => (LanguagePackLoader.Parse(File.ReadAllText(f), f), f)).ToList();
        return new CompiledSurvey(SurveyLoader.Parse(File.ReadAllText(path), path), packs);
    }

    /// <summary>The state after the inputs, and the time of the next message.</summary>
    public static (ConversationState State, DateTimeOffset Now) Replay(CompiledSurvey survey, IEnumerable<Input> inputs)
    {
        var state = ConversationState.Initial;
        var now = Epoch;
        foreach (var input in inputs)
        {
            state = ConversationEngine.Resume(survey, state, input, now).State;
            now += TimeSpan.FromSeconds(10);
        }

        return (state, now);
    }

    /// <summary>Replays <see cref="Typical"/> until question <paramref name="code"/> is asked (at its first step).</summary>
    public static (ConversationState State, DateTimeOffset Now) Reach(CompiledSurvey survey, string code)
    {
        for (var count = 0; count <= Typical.Count; count++)
        {
            var (state, now) = Replay(survey, Typical.Take(count));
            if (state.Stage == Stage.Asking && survey.Questions[state.Question].Code == code && state.Draft == Answer.Empty)
            {
                return (state, now);
            }
        }

        throw new InvalidOperationException($"The typical script never asks {code}.");
    }

    private static string Text(string text, int length) =>
        length <= text.Length ? text : string.Concat(Enumerable.Repeat(text + " ", (length / (text.Length + 1)) + 1))[..length].TrimEnd();

    private static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "surveys", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
