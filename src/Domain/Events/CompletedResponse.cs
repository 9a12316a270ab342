namespace ChatSurvey.Domain.Events;

/// <summary>
/// A finished response, one <see cref="AnswerValue"/> per stored value, ready for plain SQL.
/// <code>{"surveyId": "ogaipo-gobierno-abierto", "surveyVersion": "2022.1", "language": "es", "promoter": null,
/// "startedAt": "2026-11-27T12:00:00Z", "completedAt": "2026-11-27T12:10:00Z", "values": [...]}</code>
/// </summary>
public sealed record CompletedResponse(
    string SurveyId,
    string SurveyVersion,
    string Language,
    string? Promoter,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    IReadOnlyList<AnswerValue> Values);
