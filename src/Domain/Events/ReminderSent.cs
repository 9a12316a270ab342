namespace ChatSurvey.Domain.Events;

/// <summary>
/// The one reminder for a silent conversation went out.
/// <code>{"type": "reminderSent", "at": "2026-11-28T12:00:00Z"}</code>
/// </summary>
public sealed record ReminderSent(DateTimeOffset At) : ConversationEvent(At);
