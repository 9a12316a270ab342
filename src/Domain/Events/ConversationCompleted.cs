namespace ChatSurvey.Domain.Events;

/// <summary>
/// The person confirmed the summary: the response is final.
/// <code>{"type": "completed", "at": "2026-11-27T12:10:00Z", "response": {"surveyId": "ogaipo-gobierno-abierto", "surveyVersion": "2022.1", "values": [{"question": "q1", "option": "si"}]}}</code>
/// </summary>
public sealed record ConversationCompleted(DateTimeOffset At, CompletedResponse Response) : ConversationEvent(At);
