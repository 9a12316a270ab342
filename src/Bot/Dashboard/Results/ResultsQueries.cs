using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Storage.Tallies;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Results per question, over the responses whose conversation started within the filter.</summary>
public sealed class ResultsQueries(DashboardDb db)
{
    /// <summary>The counts from the tallies (Storage/Tallies): a few thousand rows at most, whatever the number of responses.</summary>
    public async Task<ResultsData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = DashboardDb.TallyWhere(await db.WithoutNeedlessDatesAsync(filter, cancellationToken), "t");
        var responses = await db.CountAsync($"SELECT COALESCE(SUM(t.n), 0) FROM tally_durations t WHERE {where}", parameters, cancellationToken);
        var rows = await db.ListAsync(
            $"SELECT t.question, t.row_code, t.rank, t.option_code, SUM(t.n) FROM tally_answers t WHERE {where} GROUP BY t.question, t.row_code, t.rank, t.option_code",
            parameters,
            r => (Answer: new AnswerKey(r.GetString(0), r.GetString(1), (int)DashboardDb.ReadLong(r, 2), r.GetString(3)), Count: DashboardDb.ReadLong(r, 4)),
            cancellationToken);
        var counted = rows.Where(r => r.Count != 0).ToList();
        return new ResultsData(
            responses,
            counted.Where(r => r.Answer.IsAnswered).ToDictionary(r => r.Answer.Question, r => r.Count),
            counted.Where(r => !r.Answer.IsAnswered).ToDictionary(
                r => (r.Answer.Question, r.Answer.Row.Length == 0 ? null : r.Answer.Row, r.Answer.Rank == 0 ? (int?)null : r.Answer.Rank, r.Answer.Option),
                r => r.Count));
    }
}
