using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.DeadLetters;

/// <summary>The dead letters page's reads (the writes are <see cref="DeadLetterStore"/>'s).</summary>
public sealed class DeadLetterQueries(DashboardDb db)
{
    /// <summary>The most a page lists; "re-drive all" still takes every one.</summary>
    public const int PageSize = 200;

    public Task<List<DeadLetter>> ListAsync(CancellationToken cancellationToken) => db.ListAsync(
        $"SELECT id, kind, channel, failed_at, attempts, reason FROM dead_letters ORDER BY failed_at, id LIMIT {PageSize}",
        [],
        r => new DeadLetter(r.GetString(0), r.GetString(1), DashboardDb.ReadString(r, 2), DashboardDb.ReadTime(r, 3), DashboardDb.ReadLong(r, 4), r.GetString(5)),
        cancellationToken);

    public Task<List<string>> RefusedIdsAsync(CancellationToken cancellationToken) =>
        db.ListAsync("SELECT id FROM dead_letters WHERE kind = @kind ORDER BY failed_at, id", [("kind", DeadLetterKind.Refused)], r => r.GetString(0), cancellationToken);

    /// <summary>The entry as kept: its JSON, or the bytes that did not decode.</summary>
    public async Task<byte[]?> EntryAsync(string id, CancellationToken cancellationToken) =>
        (await db.ListAsync("SELECT entry FROM dead_letters WHERE id = @id", [("id", id)], r => (byte[])r.GetValue(0), cancellationToken)).SingleOrDefault();
}
