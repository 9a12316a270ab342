using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>
/// The audit log of staff deletions (migration step 10): who, when, how the person was found, how many rows went, and
/// whether the database confirmed it in time. Never whom: no pseudonym, number or chat id.
/// </summary>
public sealed class DeletionLog(DashboardDb db)
{
    /// <summary>Found by channel and phone number or chat id.</summary>
    public const string ByAddress = "telefono_o_id";

    public const string ByPseudonym = "seudonimo";

    public sealed record Entry(DateTimeOffset At, string Staff, string Method, long Rows, bool Confirmed);

    public async Task AddAsync(Entry entry, CancellationToken cancellationToken)
    {
        await using var connection = await db.Store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        await sql.Execute(
            "INSERT INTO deletion_log (at, staff, method, rows_deleted, confirmed) VALUES (@at, @staff, @method, @rows, @confirmed)",
            ("at", db.Time(entry.At)), ("staff", entry.Staff), ("method", entry.Method), ("rows", entry.Rows), ("confirmed", entry.Confirmed ? 1 : 0));
    }

    public Task<List<Entry>> RecentAsync(int count, CancellationToken cancellationToken) => db.ListAsync(
        $"SELECT at, staff, method, rows_deleted, confirmed FROM deletion_log ORDER BY at DESC LIMIT {count}",
        [],
        r => new Entry(DashboardDb.ReadTime(r, 0), r.GetString(1), r.GetString(2), DashboardDb.ReadLong(r, 3), DashboardDb.ReadLong(r, 4) == 1),
        cancellationToken);
}
