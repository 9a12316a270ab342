namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// Section "WebChat": how much the open web chat lets one client do. Messaging channels have a phone number or an
/// account behind each person; the web chat has only what a browser says, so it is the one that needs limits.
/// </summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// New conversations per client address per hour. Mobile carriers put many phones behind one address (CGNAT), so
    /// this is a ceiling against scripts, not one person's allowance.
    /// </summary>
    public int NewConversationsPerHour { get; set; } = 30;

    /// <summary>Messages per conversation per second, sustained; <see cref="MessageBurst"/> may arrive at once.</summary>
    public double MessagesPerSecond { get; set; } = 1;

    public int MessageBurst { get; set; } = 10;

    /// <summary>All web chat requests of this instance per second: what the web chat may take from the other channels.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 300;

    public ProofOfWorkOptions ProofOfWork { get; set; } = new();
}

/// <summary>The proof of work a web conversation solves before its first answer counts (ALTCHA's challenge format).</summary>
public sealed class ProofOfWorkOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The highest number the page may have to try: 50,000 SHA-256 hashes at most, half that on average.</summary>
    public int MaxNumber { get; set; } = 50_000;

    /// <summary>How long a challenge can be answered.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);
}
