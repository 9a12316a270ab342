namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>The engine's prompt ids (<c>Reply.Prompt</c>) that the phone says in its own words.</summary>
public static class VoicePrompts
{
    /// <summary>The privacy notice, waiting for consent.</summary>
    public const string Consent = "@consent";

    /// <summary>The summary, waiting for "send" or "change".</summary>
    public const string Confirm = "@confirm";

    /// <summary>Which question to change: a number, possibly of two digits.</summary>
    public const string PickCorrection = "@pick";
}
