namespace ChatSurvey.Domain.Conversations;

/// <summary>How a channel should present a reply's choices.</summary>
public enum ReplyStyle : byte
{
    Plain,
    YesNo,
    SingleChoice,
    /// <summary>Several may be chosen: toggles plus a "Listo" button, or a typed list "1,3".</summary>
    MultipleChoice,
    Grid,
    Ranked,
}

/// <summary>Why a reply is sent, for channels that treat some differently.</summary>
public enum ReplyKind : byte
{
    /// <summary>A question, an answer to a command, a summary: the conversation's normal course.</summary>
    Message,

    /// <summary>A re-ask after a rejected answer: a channel that pays per message may leave the option list out.</summary>
    Reask,

    /// <summary>The one nudge to a silent person: WhatsApp may carry it in an approved template outside its 24-hour window.</summary>
    Reminder,
}

/// <summary>A choice a channel may show as a button, a chip or a numbered line; sending <see cref="Value"/> picks it.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// One message to the person: text plus structured choices, so each channel renders them its own way.
/// <code>{"text": "Pregunta 1 de 12\n¿Has escuchado…?", "style": "YesNo", "choices": [{"value": "1", "label": "Sí"}], "question": "q1"}</code>
/// </summary>
/// <param name="Question">The question code this reply asks, when it asks one (channels use it for button data).</param>
/// <param name="Kind">Why this reply is sent (<see cref="ReplyKind"/>).</param>
/// <param name="Prompt">
/// What exactly this reply waits for ("q5.2": question q5, third row; "@confirm": the summary). A channel puts it in
/// its buttons so that a button pressed later, under another prompt, is recognized as stale.
/// </param>
/// <param name="Language">
/// The conversation's language, on replies that ask a question: a channel that adds words of its own (Telegram's
/// "Listo" button) takes them from that language's pack.
/// </param>
public sealed record Reply(string Text, ReplyStyle Style, IReadOnlyList<Choice> Choices, string? Question = null, ReplyKind Kind = ReplyKind.Message, string? Prompt = null, string? Language = null)
{
    public bool IsReask => Kind == ReplyKind.Reask;

    public static Reply Plain(string text) => new(text, ReplyStyle.Plain, []);
}
