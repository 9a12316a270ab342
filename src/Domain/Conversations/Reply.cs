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

/// <summary>A choice a channel may show as a button, a chip or a numbered line; sending <see cref="Value"/> picks it.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// One message to the person: text plus structured choices, so each channel renders them its own way.
/// <code>{"text": "Pregunta 1 de 12\n¿Has escuchado…?", "style": "YesNo", "choices": [{"value": "1", "label": "Sí"}], "question": "q1"}</code>
/// </summary>
/// <param name="Question">The question code this reply asks, when it asks one (channels use it for button data).</param>
/// <param name="IsReask">A re-ask after a rejected answer: a channel that pays per message may leave the list out.</param>
/// <param name="Prompt">
/// What exactly this reply waits for ("q5.2": question q5, third row; "@confirm": the summary). A channel puts it in
/// its buttons so that a button pressed later, under another prompt, is recognized as stale.
/// </param>
/// <param name="Language">
/// The conversation's language, on replies that ask a question: a channel that adds words of its own (Telegram's
/// "Listo" button) takes them from that language's pack.
/// </param>
public sealed record Reply(string Text, ReplyStyle Style, IReadOnlyList<Choice> Choices, string? Question = null, bool IsReask = false, string? Prompt = null, string? Language = null)
{
    public static Reply Plain(string text) => new(text, ReplyStyle.Plain, []);
}
