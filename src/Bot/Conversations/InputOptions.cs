namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Section "Input": the longest message each channel passes to the engine. Longer text is cut there; since every
/// limit is longer than any answer the survey accepts (checked at startup), the engine still tells the person that
/// their text is too long rather than keeping a cut one.
/// </summary>
public sealed class InputOptions
{
    public const string Section = "Input";

    /// <summary>For a channel not listed.</summary>
    public const int DefaultMaxLength = 4096;

    /// <summary>
    /// Characters (UTF-16 code units) per message, by channel: Telegram's and WhatsApp's own limit, SMS's 10 segments, and for
    /// a phone call's speech transcript room for the longest text answer (a minute of speech is far shorter).
    /// </summary>
    public Dictionary<string, int> MaxLength { get; set; } = new(StringComparer.Ordinal)
    {
        ["web"] = 4000,
        ["telegram"] = 4096,
        ["whatsapp"] = 4096,
        ["sms"] = 1600,
        ["voice"] = 2000,
    };

    public int MaxLengthOf(Channel channel) => MaxLength.GetValueOrDefault(channel.Name, DefaultMaxLength);
}
