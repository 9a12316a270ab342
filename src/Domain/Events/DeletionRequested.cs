namespace ChatSurvey.Domain.Events;

/// <summary>
/// The person confirmed "borrar": the host removes their state, responses, events and contact data.
/// <code>{"type": "deletionRequested", "at": "2026-11-27T12:03:00Z"}</code>
/// </summary>
public sealed record DeletionRequested(DateTimeOffset At) : ConversationEvent(At);
