namespace ChatSurvey.Domain.Events;

/// <summary>
/// An in-progress conversation stayed silent past its idle limit; <see cref="Question"/> is where the person stopped.
/// <code>{"type": "abandoned", "at": "2026-12-27T12:00:00Z", "question": "q5"}</code>
/// </summary>
public sealed record ConversationAbandoned(DateTimeOffset At, string? Question) : ConversationEvent(At);
