namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Counts of the stored option values of the responses that match a filter.</summary>
/// <param name="Responses">Responses in the filter.</param>
/// <param name="Answered">Responses with at least one value, by question code (the base of each question's percentages).</param>
/// <param name="Counts">How many values, by question, row (grid row or text part), rank and option.</param>
public sealed record ResultsData(long Responses, IReadOnlyDictionary<string, long> Answered, IReadOnlyDictionary<(string Question, string? Row, int? Rank, string Option), long> Counts)
{
    public long Count(string question, string? row, int? rank, string option) => Counts.GetValueOrDefault((question, row, rank, option));

    public long AnsweredCount(string question) => Answered.GetValueOrDefault(question);
}
