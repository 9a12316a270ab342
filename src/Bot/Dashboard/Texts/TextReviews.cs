using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>
/// Staff's marks on free texts (migration step 9), per field and folded text: <see cref="Reviewed"/> (read, not to be
/// published) or <see cref="Approved"/> (may be published). Only approved texts ever reach the public page or the
/// open-data releases. A mark is kept by the hash of the folded text, never the text: it covers every person who
/// wrote the same words, and a person's deletion leaves nothing of theirs here.
/// </summary>
public sealed class TextReviews(DashboardDb db, TimeProvider time)
{
    public const string Reviewed = "reviewed";
    public const string Approved = "approved";

    /// <param name="status"><see cref="Reviewed"/>, <see cref="Approved"/>, or null to take the mark away.</param>
    public async Task SetAsync(string field, string hash, string? status, string staff, CancellationToken cancellationToken)
    {
        await using var connection = await db.Store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        if (status is null)
        {
            await sql.Execute("DELETE FROM text_reviews WHERE field = @f AND text_hash = @h", ("f", field), ("h", hash));
            return;
        }

        await sql.Execute(
            "INSERT INTO text_reviews (field, text_hash, status, reviewed_by, reviewed_at) VALUES (@f, @h, @s, @by, @at) ON CONFLICT (field, text_hash) DO UPDATE SET status = excluded.status, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at",
            ("f", field), ("h", hash), ("s", status), ("by", staff), ("at", db.Time(time.GetUtcNow())));
    }

    /// <summary>The marks of these texts of a field, by hash.</summary>
    public async Task<Dictionary<string, string>> StatusesAsync(string field, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return [];
        }

        var names = string.Join(", ", hashes.Select((_, i) => $"@h{i}"));
        var rows = await db.ListAsync(
            $"SELECT text_hash, status FROM text_reviews WHERE field = @f AND text_hash IN ({names})",
            [("f", field), .. hashes.Select((h, i) => ($"h{i}", (object?)h))],
            r => (Hash: r.GetString(0), Status: r.GetString(1)),
            cancellationToken);
        return rows.ToDictionary(r => r.Hash, r => r.Status, StringComparer.Ordinal);
    }

    /// <summary>
    /// SQL for "this answer value's text is approved", over answer_values <paramref name="alias"/>: its field is the
    /// question, or question.part.
    /// </summary>
    public static string ApprovedSql(string alias) =>
        $"EXISTS (SELECT 1 FROM text_reviews tr WHERE tr.text_hash = {alias}.text_hash AND tr.status = '{Approved}' AND tr.field = {FieldSql(alias)})";

    /// <summary>SQL for the field of answer_values <paramref name="alias"/>'s text: its question, or question.part.</summary>
    public static string FieldSql(string alias) => $"CASE WHEN {alias}.row_code IS NULL THEN {alias}.question ELSE {alias}.question || '.' || {alias}.row_code END";
}
