namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// A channel people answer on, and how its replies reach them: pushed by the bot afterwards (Telegram, WhatsApp, SMS),
/// or carried in the response to the person's own request (the web chat, and a phone call's TwiML). The name is what pseudonyms, storage and
/// exports use, so it never changes. There is one instance per channel.
/// </summary>
public sealed class Channel
{
    public static readonly Channel Web = new("web", pushesReplies: false);
    public static readonly Channel Telegram = new("telegram", pushesReplies: true);
    public static readonly Channel WhatsApp = new("whatsapp", pushesReplies: true);
    public static readonly Channel Sms = new("sms", pushesReplies: true);
    public static readonly Channel Voice = new("voice", pushesReplies: false);

    private Channel(string name, bool pushesReplies)
    {
        Name = name;
        PushesReplies = pushesReplies;
    }

    public static IReadOnlyList<Channel> All { get; } = [Web, Telegram, WhatsApp, Sms, Voice];

    public string Name { get; }

    /// <summary>
    /// Replies are sent by the bot after the turn (and stay pending until sent); otherwise they travel in the response
    /// to the request that brought the message, and nothing is pending.
    /// </summary>
    public bool PushesReplies { get; }

    /// <summary>The channel of that name, or null.</summary>
    public static Channel? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    public override string ToString() => Name;
}
