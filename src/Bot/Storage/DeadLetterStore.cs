using System.Data.Common;
using System.Globalization;
using ChatSurvey.Bot.Conversations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// Outbox entries set aside so that they block nobody (migration step 4): those the domain store refused, and those the
/// outbox could not decode. Each keeps its reason and the entry as bytes (its JSON, or what the outbox held), which no
/// database refuses; a refused one is re-driven through the normal write once the cause is fixed.
/// </summary>
public sealed class DeadLetterStore(SqlResponseStore store, TimeProvider time)
{
    private const int ReasonLength = 300;

    /// <returns>Whether it is a new dead letter (a redelivered entry is kept once).</returns>
    public Task<bool> AddRefusedAsync(OutboxEntry entry, int attempts, Exception error, CancellationToken cancellationToken) =>
        AddAsync(SqlResponseStore.OpaqueId(entry.Id), entry.Respondent, entry.Channel, DeadLetterKind.Refused, attempts, Reason(error), OutboxJson.Serialize(entry), cancellationToken);

    /// <returns>Whether it is a new dead letter.</returns>
    public Task<bool> AddUndecodableAsync(UndecodableEntry entry, CancellationToken cancellationToken)
    {
        // Whatever still reads as a respondent, so that the person's deletion finds it.
        var (respondent, channel) = OutboxJson.Peek(entry.Raw);
        return AddAsync(SqlResponseStore.OpaqueId(entry.Id), respondent, channel, DeadLetterKind.Undecodable, 1, entry.Error, entry.Raw, cancellationToken);
    }

    /// <returns>How many wait for staff; null when the store does not answer.</returns>
    public async Task<long?> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            await using var sql = new Sql(connection, null);
            return Convert.ToInt64(await sql.Scalar("SELECT COUNT(*) FROM dead_letters"), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes a refused dead letter as the outbox worker would and deletes it, in one transaction; when the store
    /// refuses it again, it stays with one more attempt and the new reason.
    /// </summary>
    public async Task<RedriveOutcome> RedriveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        Exception refusal;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var sql = new Sql(connection, transaction);
            // Deletions are locked out first (always before the row below, as the worker does, so no two wait on each
            // other), then deleting the row takes it: nobody else re-drives it meanwhile.
            await store.LockDeletionsAsync(sql, deletes: true);
            byte[]? json = null;
            await using (var reader = await sql.Query("DELETE FROM dead_letters WHERE id = @id AND kind = @kind RETURNING entry", [("id", id), ("kind", DeadLetterKind.Refused)], cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    json = (byte[])reader.GetValue(0);
                }
            }

            if (json is null)
            {
                return RedriveOutcome.Gone;
            }

            try
            {
                await store.QueueAsync(sql, [OutboxJson.DeserializeEntry(json)]);
                await sql.Flush();
                await transaction.CommitAsync(cancellationToken);
                return RedriveOutcome.Stored;
            }
#pragma warning disable CA1031 // Whatever the worker would count as a refusal (OutboxWorker.StoreAsync) counts here too.
            catch (Exception e) when (e is not OperationCanceledException && !store.Dialect.IsTransient(e))
#pragma warning restore CA1031
            {
                refusal = e;
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        await using var update = new Sql(connection, null);
        await update.Execute(
            "UPDATE dead_letters SET attempts = attempts + 1, reason = @reason, failed_at = @at WHERE id = @id",
            ("reason", Reason(refusal)), ("at", store.Dialect.Time(time.GetUtcNow())), ("id", id));
        return RedriveOutcome.StillRefused;
    }

    /// <summary>An admin's decision after a look: the dead letter is deleted for good.</summary>
    public async Task<bool> DiscardAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        return await sql.Execute("DELETE FROM dead_letters WHERE id = @id", ("id", id)) == 1;
    }

    /// <summary>For logs and metrics: the error's code, never its message (which may quote a value).</summary>
    public static string Code(Exception error) => error switch
    {
        SqliteException sqlite => string.Create(CultureInfo.InvariantCulture, $"SQLite {sqlite.SqliteErrorCode}"),
        DbException { SqlState: { } state } => state,
        _ => error.GetType().Name,
    };

    private async Task<bool> AddAsync(string id, string? respondent, string? channel, string kind, int attempts, string reason, byte[] entry, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        return await sql.Execute(
            "INSERT INTO dead_letters (id, respondent, channel, kind, failed_at, attempts, reason, entry) VALUES (@id, @respondent, @channel, @kind, @at, @attempts, @reason, @entry) ON CONFLICT DO NOTHING",
            ("id", id),
            ("respondent", Storable(respondent)),
            ("channel", Storable(channel)),
            ("kind", kind),
            ("at", store.Dialect.Time(time.GetUtcNow())),
            ("attempts", attempts),
            ("reason", Storable(reason)),
            ("entry", entry)) == 1;
    }

    /// <summary>The database's own words: PostgreSQL's state and message (its detail, which may hold values, left out).</summary>
    private static string Reason(Exception error) => error is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : error.Message;

    /// <summary>Text the store cannot refuse: no control characters (NUL among them) or lone surrogates, and short.</summary>
    private static string? Storable(string? text) =>
        text is null ? null : new string([.. text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(ReasonLength)]);
}
