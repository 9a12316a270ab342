namespace ChatSurvey.Bot.Channels;

/// <summary>What became of a delivery, as a sender reports it. Senders only report; the conversation service records.</summary>
public enum SendStatus
{
    /// <summary>The platform took every message (or refused one for good: sending it again would fail the same way).</summary>
    Sent,

    /// <summary>The person cannot be written to (blocked the bot, opted out): nothing more is pushed until they write.</summary>
    Unreachable,

    /// <summary>The platform asked to wait <see cref="SendOutcome.RetryAfter"/> before sending again.</summary>
    RetryLater,

    /// <summary>It did not go through (network, timeouts, 5xx past the retries): the replies stay pending.</summary>
    Failed,
}

/// <summary>
/// The outcome of one delivery.
/// <code>{"status": "Unreachable", "reason": "blocked"}</code>
/// </summary>
public sealed record SendOutcome(SendStatus Status, string? Reason = null, TimeSpan RetryAfter = default)
{
    public static readonly SendOutcome Sent = new(SendStatus.Sent);

    public static SendOutcome Unreachable(string reason) => new(SendStatus.Unreachable, reason);

    public static SendOutcome Later(TimeSpan retryAfter) => new(SendStatus.RetryLater, RetryAfter: retryAfter);

    public static SendOutcome Failed(string reason) => new(SendStatus.Failed, reason);
}
