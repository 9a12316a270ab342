using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>
/// One counted value of the aggregated results: how many responses gave an option (in a grid row, at a rank), out of
/// the responses its percentage is taken over. A text question has one row: how many answered it.
/// </summary>
/// <param name="Base">The responses to the question (a grid: to that row), the base of the percentage.</param>
public sealed record ResultRow(Question Question, string? Row, string? RowText, int? Rank, string? Option, string? OptionText, long Count, long Base);
