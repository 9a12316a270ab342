namespace ChatSurvey.Domain.Conversations;

/// <summary>What kind of message arrived, independent of the channel.</summary>
public enum InputKind : byte
{
    Text,
    /// <summary>A start with an optional payload (Telegram /start code, web chat ?ref=code, WhatsApp prefilled code).</summary>
    Start,
    /// <summary>Something that is not text: photo, voice, sticker, location, document.</summary>
    Unsupported,
    /// <summary>A button pressed: <see cref="Input.Text"/> is its value, <see cref="Input.Payload"/> the prompt it belonged to.</summary>
    Button,
}

/// <summary>
/// One incoming message, channel-neutral.
/// <code>{"kind": "Text", "text": "1 y 3"}</code>
/// <code>{"kind": "Start", "text": "", "payload": "sec_mujeres"}</code>
/// <code>{"kind": "Button", "text": "E", "payload": "q5.2"}</code>
/// <code>{"kind": "Text", "text": "hola", "locale": "es-MX"}</code>
/// </summary>
/// <param name="Locale">
/// The language the person's app is set to, when the channel says (Telegram's <c>language_code</c>): a conversation
/// whose language is not chosen yet starts in it when the survey has it.
/// </param>
public sealed record Input(InputKind Kind, string Text, string? Payload = null, string? Locale = null)
{
    public static Input FromText(string text) => new(InputKind.Text, text);

    public static Input Start(string? payload = null) => new(InputKind.Start, "", payload);

    public static readonly Input NotText = new(InputKind.Unsupported, "");

    /// <summary>A button of the reply whose <see cref="Reply.Prompt"/> was <paramref name="prompt"/>.</summary>
    public static Input Button(string prompt, string value) => new(InputKind.Button, value, prompt);
}
