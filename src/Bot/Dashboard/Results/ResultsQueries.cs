using ChatSurvey.Bot.Dashboard.Filters;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Results per question and the free texts, over the responses whose conversation started within the filter.</summary>
public sealed class ResultsQueries(DashboardDb db)
{
    public const int PageSize = 25;

    public async Task<ResultsData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = db.Where(filter, "r", "started_at");
        var responses = await db.CountAsync($"SELECT COUNT(*) FROM responses r WHERE {where}", parameters, cancellationToken);
        var answered = await db.ListAsync(
            $"SELECT v.question, COUNT(DISTINCT v.response_id) FROM answer_values v JOIN responses r ON r.id = v.response_id WHERE {where} GROUP BY v.question",
            parameters, r => (r.GetString(0), DashboardDb.ReadLong(r, 1)), cancellationToken);
        var counts = await db.ListAsync(
            $"""
            SELECT v.question, v.row_code, v.rank, v.option_code, COUNT(*)
            FROM answer_values v JOIN responses r ON r.id = v.response_id
            WHERE {where} AND v.option_code IS NOT NULL
            GROUP BY v.question, v.row_code, v.rank, v.option_code
            """,
            parameters,
            r => (Key: (r.GetString(0), DashboardDb.ReadString(r, 1), r.IsDBNull(2) ? (int?)null : (int)DashboardDb.ReadLong(r, 2), r.GetString(3)), Count: DashboardDb.ReadLong(r, 4)),
            cancellationToken);
        return new ResultsData(responses, answered.ToDictionary(a => a.Item1, a => a.Item2), counts.ToDictionary(c => c.Key, c => c.Count));
    }

    /// <summary>One page of the texts of a question (and part), newest first, optionally containing <paramref name="search"/>.</summary>
    public async Task<(long Total, IReadOnlyList<TextAnswer> Page)> TextsAsync(DashboardFilter filter, string question, string? part, string? search, int page, CancellationToken cancellationToken)
    {
        var (where, filterParameters) = db.Where(filter, "r", "started_at");
        var parameters = new List<(string, object?)>(filterParameters) { ("q", question) };
        var conditions = $"{where} AND v.question = @q AND v.text IS NOT NULL";
        conditions += part is null ? " AND v.row_code IS NULL" : " AND v.row_code = @part";
        if (part is not null)
        {
            parameters.Add(("part", part));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // LOWER on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            conditions += " AND LOWER(v.text) LIKE LOWER(@search) ESCAPE '\\'";
            parameters.Add(("search", "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%"));
        }

        var from = $"FROM answer_values v JOIN responses r ON r.id = v.response_id WHERE {conditions}";
        var total = await db.CountAsync($"SELECT COUNT(*) {from}", [.. parameters], cancellationToken);
        var rows = await db.ListAsync(
            $"SELECT v.text, r.started_at, r.channel {from} ORDER BY r.started_at DESC, v.response_id LIMIT {PageSize} OFFSET {Math.Max(0, page - 1) * PageSize}",
            [.. parameters],
            r => new TextAnswer(TextRedaction.Apply(r.GetString(0)), DashboardDb.ReadTime(r, 1), r.GetString(2)),
            cancellationToken);
        return (total, rows);
    }
}
