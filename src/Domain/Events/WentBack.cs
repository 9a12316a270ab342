namespace ChatSurvey.Domain.Events;

/// <summary>
/// The person went back ("atrás") or chose a question to correct.
/// <code>{"type": "wentBack", "at": "2026-11-27T12:01:00Z", "from": "q5", "to": "q4"}</code>
/// </summary>
public sealed record WentBack(DateTimeOffset At, string From, string To) : ConversationEvent(At);
