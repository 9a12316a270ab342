namespace ChatSurvey.Domain.Events;

/// <summary>
/// A question's answer is complete (all grid rows, all text parts, all ranked picks).
/// <code>{"type": "answerRecorded", "at": "2026-11-27T12:00:09Z", "question": "q3"}</code>
/// </summary>
public sealed record AnswerRecorded(DateTimeOffset At, string Question) : ConversationEvent(At);
