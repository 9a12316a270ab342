using System.Data.Common;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The domain store on SQLite or PostgreSQL. Every row's key derives from its outbox entry, and every insert is
/// "ON CONFLICT DO NOTHING", so an entry delivered twice is stored once. A person's deletion leaves a tombstone, and
/// an entry of theirs dated before it is dropped whenever it arrives (late, redelivered, from another instance), so
/// deleted data never comes back. Every write also keeps the dashboard's tallies (Tallies/) up to date, in the same
/// transaction.
/// </summary>
public sealed class SqlResponseStore(DbDataSource dataSource, SqlDialect dialect, TallySettings? tallySettings = null) : IAsyncDisposable
{
    /// <summary>People recounted in one transaction by the purge and the silence check.</summary>
    private const int Chunk = 500;

    /// <summary>People whose rows this process remembers (about 7 KB each at the end of the survey).</summary>
    private const int RememberedPeople = 4096;

    private readonly TallySettings _tallies = tallySettings ?? TallySettings.Default;
    private readonly EntryRows _rows = new(dialect, tallySettings ?? TallySettings.Default, new PersonRows(RememberedPeople));

    public SqlDialect Dialect => dialect;

    public TallySettings Tallies => _tallies;

    /// <param name="upTo">Stop at this schema version (tests of upgrades from an older version); the latest by default.</param>
    public async Task MigrateAsync(CancellationToken cancellationToken, int upTo = int.MaxValue)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var setup = new Sql(connection, null))
        {
            await setup.Execute($"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at {dialect.TimeType} NOT NULL)");
        }

        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var sql = new Sql(connection, transaction);
            if (dialect.MigrationLock.Length > 0)
            {
                await sql.Execute(dialect.MigrationLock);
            }

            var applied = Convert.ToInt32(await sql.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
            if (applied >= Math.Min(upTo, Migrations.Latest))
            {
                break;
            }

            await sql.Execute(Migrations.Step(applied + 1, dialect));
            await sql.Execute("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)", ("v", applied + 1), ("at", dialect.Time(DateTimeOffset.UtcNow)));
            await transaction.CommitAsync(cancellationToken);
        }

        if (upTo >= Migrations.Latest)
        {
            await TallyRebuild.EnsureAsync(this, _tallies, cancellationToken);
        }
    }

    public async Task WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new Sql(connection, transaction);
        await LockDeletionsAsync(sql, entries.Any(e => e.Event is DeletionRequested));
        await QueueAsync(sql, entries);

        // The whole batch of entries in one round trip on PostgreSQL.
        await sql.Flush();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The first statement of a transaction that writes entries: from here on it sees every deletion committed before
    /// and none can commit before it ends (<paramref name="deletes"/>: it writes one itself).
    /// </summary>
    internal async Task LockDeletionsAsync(Sql sql, bool deletes)
    {
        if (dialect.LockDeletions(deletes) is { Length: > 0 } statement)
        {
            await sql.Execute(statement);
        }
    }

    /// <summary>
    /// The statements that store the entries, queued on <paramref name="sql"/> (whose transaction commits them, after
    /// <see cref="LockDeletionsAsync"/>): what a tombstone covers is left out.
    /// </summary>
    internal Task QueueAsync(Sql sql, IReadOnlyList<OutboxEntry> entries) => _rows.QueueAsync(sql, entries);

    /// <summary>The time of the person's latest deletion, or null (for staff, to see that a deletion was stored).</summary>
    public async Task<DateTimeOffset?> DeletedAtAsync(string respondent, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        await using var reader = await sql.Query("SELECT deleted_at FROM tombstones WHERE respondent_hash = @h", [("h", OpaqueId(respondent))], cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqlDialect.ReadTime(reader, 0) : null;
    }

    /// <summary>Contact data is kept only for a limited time after consent.</summary>
    public Task<int> PurgeContactsAsync(DateTimeOffset consentedBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        PurgeAsync("contacts", "DELETE FROM contacts WHERE consent_at < @before", consentedBefore, now, cancellationToken);

    /// <summary>
    /// The events of people who never completed, once their last one is older than <paramref name="lastBefore"/>: where
    /// people stopped stays counted in the purge log, not kept person by person. A chunk of people at a time, each
    /// checked again under its lock and taken out of the tallies with its events.
    /// </summary>
    public async Task<int> PurgeAbandonedEventsAsync(DateTimeOffset lastBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var sql = new Sql(connection, null))
        await using (var reader = await sql.Query(
            "SELECT respondent FROM conversation_events WHERE respondent IS NOT NULL AND respondent NOT IN (SELECT respondent FROM responses) GROUP BY respondent HAVING MAX(at) < @before",
            [("before", dialect.Time(lastBefore))],
            cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(reader.GetString(0));
            }
        }

        var removed = 0;
        foreach (var chunk in candidates.Chunk(Chunk))
        {
            removed += await RecountAsync(chunk, (sql, tallies, respondent) =>
            {
                var events = tallies.EventsOf(respondent).Count;
                if (events == 0 || tallies.HasResponses(respondent) || tallies.EventsOf(respondent).Max(e => e.At) >= dialect.Stored(lastBefore))
                {
                    return 0;
                }

                tallies.Delete(respondent, DateTimeOffset.MaxValue);
                sql.Queue("DELETE FROM conversation_events WHERE respondent = @r", ("r", respondent));
                return events;
            }, "abandoned_events", now, cancellationToken);
        }

        return removed;
    }

    /// <summary>
    /// Moves people whose silence crossed Dashboard:StoppedAfter from in progress to stopped in the tallies (and back,
    /// when the setting grew), a chunk at a time; their next message moves them back at once.
    /// </summary>
    /// <returns>How many people moved.</returns>
    public async Task<int> RecountSilentAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        // Each pass settles the people it read, so the next reads others; the bound only guards against a bug looping.
        for (var pass = 0; pass < 1000; pass++)
        {
            var cutoff = dialect.Time(_tallies.Time.GetUtcNow() - _tallies.StoppedAfter);
            var due = new List<string>();
            await using (var connection = await OpenAsync(cancellationToken))
            await using (var sql = new Sql(connection, null))
            await using (var reader = await sql.Query(
                $"SELECT respondent FROM people WHERE (status = @active AND last_at < @cutoff) OR (status = @stopped AND last_at >= @cutoff) ORDER BY respondent LIMIT {Chunk}",
                [("active", PersonStatus.InProgress), ("stopped", PersonStatus.Stopped), ("cutoff", cutoff)],
                cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    due.Add(reader.GetString(0));
                }
            }

            if (due.Count == 0)
            {
                return moved;
            }

            await RecountAsync(due, (_, _, _) => 0, null, _tallies.Time.GetUtcNow(), cancellationToken);
            moved += due.Count;
        }

        return moved;
    }

    /// <summary>
    /// One transaction over some people: locked and read as they stand, changed by <paramref name="change"/> (which
    /// returns the rows it removed), recounted. With <paramref name="purgeKind"/>, what was removed goes to purge_log.
    /// </summary>
    private async Task<int> RecountAsync(IReadOnlyCollection<string> respondents, Func<Sql, TallyUpdate, string, int> change, string? purgeKind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new Sql(connection, transaction);
        await LockDeletionsAsync(sql, deletes: false);
        var tallies = await TallyUpdate.BeginAsync(sql, dialect, _tallies, _rows.People, respondents);
        var removed = respondents.Sum(r => change(sql, tallies, r));
        await tallies.QueueAsync(sql);
        if (purgeKind is not null && removed > 0)
        {
            sql.Queue("INSERT INTO purge_log (at, kind, removed) VALUES (@at, @kind, @removed)", ("at", dialect.Time(now)), ("kind", purgeKind), ("removed", removed));
        }

        await sql.Flush();
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>One purge and its line in purge_log (when it removed anything), in one transaction.</summary>
    private async Task<int> PurgeAsync(string kind, string delete, DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new Sql(connection, transaction);
        var removed = await sql.Execute(delete, ("before", dialect.Time(before)));
        if (removed > 0)
        {
            await sql.Execute("INSERT INTO purge_log (at, kind, removed) VALUES (@at, @kind, @removed)", ("at", dialect.Time(now)), ("kind", kind), ("removed", removed));
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var sql = new Sql(connection, null);
            await sql.Scalar("SELECT 1");
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (dialect.OnOpen.Length > 0)
        {
            await using var sql = new Sql(connection, null);
            await sql.Execute(dialect.OnOpen);
        }

        return connection;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>Ids derived from the outbox entry, so a redelivery hits the same primary key; hashed so they reveal nothing.</summary>
    internal static string OpaqueId(string entryId)
    {
        Span<byte> hash = stackalloc byte[32];
        Conversations.Digests.Sha256(entryId, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
