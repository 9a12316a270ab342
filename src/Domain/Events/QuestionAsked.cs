namespace ChatSurvey.Domain.Events;

/// <summary>
/// A question was put to the person for the first time in this pass (the funnel counts who reached it).
/// <code>{"type": "questionAsked", "at": "2026-11-27T12:00:05Z", "question": "q3"}</code>
/// </summary>
public sealed record QuestionAsked(DateTimeOffset At, string Question) : ConversationEvent(At);
