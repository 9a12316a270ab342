using System.Runtime.CompilerServices;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// Responses one at a time from a single ordered join, so an export holds one response in memory whatever the total:
/// the database streams the rows, and a response is complete when the next one's id appears.
/// </summary>
public sealed class ResponseReader(DashboardDb db)
{
    /// <param name="approvedTextsOnly">Free texts only where staff approved them for publication (Texts/TextReviews); others read as none.</param>
    public async IAsyncEnumerable<ExportResponse> ReadAsync(DashboardFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken, bool approvedTextsOnly = false)
    {
        var (where, parameters) = db.Where(filter, "r", "started_at");
        var text = approvedTextsOnly ? $"CASE WHEN {Texts.TextReviews.ApprovedSql("v")} THEN v.text END" : "v.text";
        var sql = $"""
            SELECT r.id, r.respondent, r.survey_version, r.channel, r.promoter, r.language, r.started_at, r.completed_at,
                v.question, v.row_code, v.rank, v.option_code, {text}
            FROM responses r LEFT JOIN answer_values v ON v.response_id = r.id
            WHERE {where}
            ORDER BY r.started_at, r.id, v.seq
            """;
        ExportResponse? current = null;
        // A response comes on as many rows as it has values; its own columns are read on its first row only. The
        // map runs for a row only after the loop below has taken the previous one, so `current` is up to date.
        var rows = db.StreamAsync(sql, parameters, r =>
        {
            var id = r.GetString(0);
            var response = current?.Id == id ? null
                : new ExportResponse(id, r.GetString(1), r.GetString(2), r.GetString(3), DashboardDb.ReadString(r, 4), r.GetString(5), DashboardDb.ReadTime(r, 6), DashboardDb.ReadTime(r, 7), []);
            var value = r.IsDBNull(8) ? null : new AnswerValue(r.GetString(8), DashboardDb.ReadString(r, 9), r.IsDBNull(10) ? null : (int)DashboardDb.ReadLong(r, 10), DashboardDb.ReadString(r, 11), DashboardDb.ReadString(r, 12));
            return (Response: response, Value: value);
        }, cancellationToken);
        await foreach (var (response, value) in rows)
        {
            if (response is not null)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = response;
            }

            if (value is not null)
            {
                current!.Values.Add(value);
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
