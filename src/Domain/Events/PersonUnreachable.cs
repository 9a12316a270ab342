namespace ChatSurvey.Domain.Events;

/// <summary>
/// The channel says the person cannot be written to (blocked the bot, opted out of SMS).
/// <code>{"type": "unreachable", "at": "2026-11-27T12:00:00Z", "reason": "blocked"}</code>
/// </summary>
public sealed record PersonUnreachable(DateTimeOffset At, string Reason) : ConversationEvent(At);
