namespace ChatSurvey.Domain.Events;

/// <summary>
/// The person gave consent and the survey began.
/// <code>{"type": "started", "at": "2026-11-27T12:00:00Z", "promoter": "sec_mujeres", "language": "es"}</code>
/// </summary>
public sealed record ConversationStarted(DateTimeOffset At, string? Promoter, string Language) : ConversationEvent(At);
