using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Storage.Tallies;

namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>
/// The free texts of the responses within a filter: one field's texts grouped when identical (compared folded: case,
/// accents and spacing aside), searched the same way ("corrupcion" finds "Corrupción"), or a question's parts side by
/// side; and the approved texts that may be published.
/// </summary>
public sealed class TextQueries(DashboardDb db, TextReviews reviews)
{
    public const int PageSize = 25;

    /// <returns>How many texts and how many distinct ones match, and one page of the distinct ones, most written first.</returns>
    public async Task<(long Texts, long Groups, IReadOnlyList<TextGroup> Page)> GroupsAsync(DashboardFilter filter, TextField field, string? search, int page, CancellationToken cancellationToken)
    {
        var (from, parameters) = From(filter, field, search);
        // One pass over the texts: the totals ride along on every row of the page (window sums over the groups), where
        // three queries read every text of the field three times (13 s at a million responses).
        var rows = await db.ListAsync(
            $"SELECT v.folded, MIN(v.text), COUNT(*), MAX(r.started_at), SUM(COUNT(*)) OVER (), COUNT(*) OVER () {from} GROUP BY v.folded ORDER BY COUNT(*) DESC, MAX(r.started_at) DESC, v.folded LIMIT {PageSize} OFFSET {Math.Max(0, page - 1) * PageSize}",
            parameters,
            r => (Folded: r.GetString(0), Text: r.GetString(1), Count: DashboardDb.ReadLong(r, 2), Latest: DashboardDb.ReadTime(r, 3), Texts: DashboardDb.ReadLong(r, 4), Groups: DashboardDb.ReadLong(r, 5)),
            cancellationToken);
        // A page past the last has no row to carry the totals: counted apart (a link followed after texts were deleted).
        var (texts, groups) = rows.Count > 0
            ? (rows[0].Texts, rows[0].Groups)
            : (await db.CountAsync($"SELECT COUNT(*) {from}", parameters, cancellationToken), await db.CountAsync($"SELECT COUNT(*) FROM (SELECT v.folded {from} GROUP BY v.folded) g", parameters, cancellationToken));
        var marks = await reviews.StatusesAsync(field.Key, [.. rows.Select(r => FoldedText.Hash(r.Folded))], cancellationToken);
        return (texts, groups, [.. rows.Select(r => new TextGroup(TextRedaction.Apply(r.Text), FoldedText.Hash(r.Folded), r.Count, r.Latest, marks.GetValueOrDefault(FoldedText.Hash(r.Folded))))]);
    }

    /// <returns>How many responses have any part of the question, and one page of them, newest first, with every part.</returns>
    public async Task<(long Total, IReadOnlyList<TextResponse> Page)> TogetherAsync(DashboardFilter filter, TextField field, string? search, int page, CancellationToken cancellationToken)
    {
        var (where, filterParameters) = db.Where(filter, "r", "started_at");
        var (match, matchParameters) = Search(search);
        (string, object?)[] parameters = [.. filterParameters, ("q", field.Question.Code), .. matchParameters];
        var responses = $"FROM responses r WHERE {where} AND EXISTS (SELECT 1 FROM answer_values v WHERE v.response_id = r.id AND v.question = @q AND v.text IS NOT NULL{match})";
        var total = await db.CountAsync($"SELECT COUNT(*) {responses}", parameters, cancellationToken);
        var shown = await db.ListAsync(
            $"SELECT r.id, r.started_at, r.channel {responses} ORDER BY r.started_at DESC, r.id LIMIT {PageSize} OFFSET {Math.Max(0, page - 1) * PageSize}",
            parameters, r => (Id: r.GetString(0), StartedAt: DashboardDb.ReadTime(r, 1), Channel: r.GetString(2)), cancellationToken);
        if (shown.Count == 0)
        {
            return (total, []);
        }

        var ids = string.Join(", ", shown.Select((_, i) => $"@r{i}"));
        var parts = await db.ListAsync(
            $"SELECT v.response_id, v.row_code, v.text, v.text_hash FROM answer_values v WHERE v.question = @q AND v.text IS NOT NULL AND v.response_id IN ({ids})",
            [("q", field.Question.Code), .. shown.Select((s, i) => ($"r{i}", (object?)s.Id))],
            r => (Id: r.GetString(0), Part: DashboardDb.ReadString(r, 1) ?? "", Text: r.GetString(2), Hash: DashboardDb.ReadString(r, 3) ?? ""),
            cancellationToken);
        var marks = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var part in field.Question.Parts)
        {
            marks[part.Code] = await reviews.StatusesAsync($"{field.Question.Code}.{part.Code}", [.. parts.Where(p => p.Part == part.Code).Select(p => p.Hash).Distinct()], cancellationToken);
        }

        return (total, [.. shown.Select(s => new TextResponse(s.StartedAt, s.Channel, [.. field.Question.Parts.Select(part =>
        {
            var text = parts.FirstOrDefault(p => p.Id == s.Id && p.Part == part.Code);
            return (part.Label.Default, text.Text is null ? null : TextRedaction.Apply(text.Text), text.Text is null ? null : marks[part.Code].GetValueOrDefault(text.Hash));
        })]))]);
    }

    /// <summary>
    /// The approved texts of a field (distinct, most written first), the only ones that may be published: read from the
    /// marks (a few dozen) through the texts' hash (answer_values_text_hash), never by reading every text of the field,
    /// which took 26 s at a million responses (bench/README.md). The field is matched as an expression, so neither
    /// database starts from the field's own index instead. Over the whole campaign, as the public page shows it: no
    /// join to the responses.
    /// </summary>
    public async Task<IReadOnlyList<(string Text, long Count)>> ApprovedAsync(TextField field, int limit, CancellationToken cancellationToken) =>
        await db.ListAsync(
            $"""
            SELECT MIN(v.text), COUNT(*)
            FROM text_reviews tr JOIN answer_values v ON v.text_hash = tr.text_hash
            WHERE tr.field = @field AND tr.status = '{TextReviews.Approved}' AND {TextReviews.FieldSql("v")} = tr.field AND v.text IS NOT NULL
            GROUP BY v.folded ORDER BY COUNT(*) DESC, v.folded LIMIT {limit}
            """,
            [("field", field.Key)], r => (TextRedaction.Apply(r.GetString(0)), DashboardDb.ReadLong(r, 1)), cancellationToken);

    /// <summary>The FROM and WHERE of one field's texts in the filter, with the search.</summary>
    private (string From, (string, object?)[] Parameters) From(DashboardFilter filter, TextField field, string? search)
    {
        var (where, filterParameters) = db.Where(filter, "r", "started_at");
        var (match, matchParameters) = Search(search);
        var part = field.Part is null ? " AND v.row_code IS NULL" : " AND v.row_code = @part";
        return (
            $"FROM answer_values v JOIN responses r ON r.id = v.response_id WHERE {where} AND v.question = @q{part} AND v.text IS NOT NULL{match}",
            [.. filterParameters, ("q", field.Question.Code), .. field.Part is null ? [] : new (string, object?)[] { ("part", field.Part.Code) }, .. matchParameters]);
    }

    /// <summary>
    /// A condition on the folded text: the search folded too, so case and accents never matter; LIKE's own wildcards
    /// are escaped. A search that folds to nothing (only punctuation) is looked for as typed.
    /// </summary>
    private static (string Sql, (string, object?)[] Parameters) Search(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return ("", []);
        }

        var needle = FoldedText.Of(search) is { Length: > 0 } folded ? folded : search.Trim().ToLowerInvariant();
        var pattern = "%" + needle.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return (" AND v.folded LIKE @search ESCAPE '\\'", [("search", pattern)]);
    }
}
