using System.Collections.Immutable;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// Everything the engine needs to continue a conversation. Small and immutable; <see cref="StateSerializer"/> writes
/// it in a compact binary form for Redis.
/// </summary>
public sealed record ConversationState
{
    public static readonly ConversationState Initial = new();

    public Stage Stage { get; init; } = Stage.New;

    /// <summary>
    /// The conversation's language code ("es", "en", "zap", any the survey has); "" until one is chosen, which means the
    /// survey's default language. States stored before any language could be chosen hold "es" or "en" and load as such.
    /// </summary>
    public string Language { get; init; } = "";

    /// <summary>Index of the current question in the survey's question list.</summary>
    public int Question { get; init; }

    /// <summary>Answers by question index; null where not answered (or not applicable).</summary>
    public ImmutableArray<Answer?> Answers { get; init; } = [];

    /// <summary>The answer being built for the current question (grid rows, text parts, ranked picks so far).</summary>
    public Answer Draft { get; init; } = Answer.Empty;

    /// <summary>The stage to go back to when a confirmation ("¿seguro?") is declined.</summary>
    public Stage ReturnTo { get; init; } = Stage.New;

    public string? Promoter { get; init; }

    /// <summary>When consent was given, in Unix seconds (0 before).</summary>
    public long StartedAt { get; init; }

    /// <summary>The last time the person wrote, in Unix seconds.</summary>
    public long LastSeen { get; init; }

    /// <summary>
    /// Which survey definition (id and version, see <see cref="CompiledSurvey.Tag"/>) the answers' positions refer to,
    /// set when the survey starts; 0 before that, and in states written before versions were recorded.
    /// </summary>
    public uint Survey { get; init; }

    /// <summary>A reminder was sent for the current silence; the next message from the person clears it.</summary>
    public bool Reminded { get; init; }

    /// <summary>The person blocked the bot or opted out: no reminders or pushes until they write again.</summary>
    public bool Unreachable { get; init; }

    /// <summary>True while the survey is under way (consent asked, questions, summary, a pending confirmation).</summary>
    public bool InProgress => Stage is not (Stage.New or Stage.Completed or Stage.Closed);

    public Answer? AnswerAt(int index) => index < Answers.Length ? Answers[index] : null;

    public bool Equals(ConversationState? other) =>
        other is not null && Stage == other.Stage && Language == other.Language && Question == other.Question &&
        Answers.SequenceEqual(other.Answers) && Draft.Equals(other.Draft) && ReturnTo == other.ReturnTo &&
        Promoter == other.Promoter && StartedAt == other.StartedAt && LastSeen == other.LastSeen && Reminded == other.Reminded && Unreachable == other.Unreachable &&
        Survey == other.Survey;

    public override int GetHashCode() => HashCode.Combine(Stage, Question, Answers.Length, LastSeen);
}
