using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>One completed response as read for an export: its row in responses and its answer values in order.</summary>
public sealed record ExportResponse(
    string Id,
    string Respondent,
    string SurveyVersion,
    string Channel,
    string? Promoter,
    string Language,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    List<AnswerValue> Values);
