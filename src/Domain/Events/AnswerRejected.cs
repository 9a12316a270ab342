using ChatSurvey.Domain.Answers;

namespace ChatSurvey.Domain.Events;

/// <summary>
/// A message did not answer the current question; the person was asked again.
/// <code>{"type": "answerRejected", "at": "2026-11-27T12:00:07Z", "question": "q4", "reason": "OutOfRange"}</code>
/// </summary>
public sealed record AnswerRejected(DateTimeOffset At, string Question, Rejection Reason) : ConversationEvent(At);
