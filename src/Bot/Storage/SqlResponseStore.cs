using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The domain store on SQLite or PostgreSQL. Every row's key derives from its outbox entry, and every insert is
/// "ON CONFLICT DO NOTHING", so an entry delivered twice is stored once.
/// </summary>
public sealed class SqlResponseStore(DbDataSource dataSource, SqlDialect dialect) : IAsyncDisposable
{
    public SqlDialect Dialect => dialect;

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
                return;
            }

            await sql.Execute(Migrations.Step(applied + 1, dialect));
            await sql.Execute("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)", ("v", applied + 1), ("at", dialect.Time(DateTimeOffset.UtcNow)));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new Sql(connection, transaction);
        Queue(sql, entries);

        // The whole batch of entries in one round trip on PostgreSQL.
        await sql.Flush();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The statements that store the entries, queued on <paramref name="sql"/> (whose transaction commits them).</summary>
    internal void Queue(Sql sql, IReadOnlyList<OutboxEntry> entries)
    {
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case ConversationCompleted completed:
                    QueueResponse(sql, entry, completed.Response);
                    break;
                case DeletionRequested:
                    QueueDeletion(sql, entry.Respondent);
                    break;
            }

            // The deletion event itself keeps no pseudonym: nothing links it back to the person.
            var respondent = entry.Event is DeletionRequested ? null : entry.Respondent;
            var columns = EventColumns.Of(entry.Event);
            sql.Queue(
                "INSERT INTO conversation_events (id, at, type, channel, respondent, promoter, question, detail) VALUES (@id, @at, @type, @channel, @respondent, @promoter, @question, @detail) ON CONFLICT DO NOTHING",
                ("id", OpaqueId(entry.Id)),
                ("at", dialect.Time(entry.Event.At)),
                ("type", columns.Type),
                ("channel", entry.Channel),
                ("respondent", respondent),
                ("promoter", columns.Promoter),
                ("question", columns.Question),
                ("detail", columns.Detail));
        }
    }

    /// <summary>Removes every row about a person (staff deletion by pseudonym, or the person's own "borrar").</summary>
    public async Task DeleteRespondentAsync(string respondent, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new Sql(connection, transaction);
        QueueDeletion(sql, respondent);
        await sql.Flush();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Contact data is kept only for a limited time after consent.</summary>
    public async Task<int> PurgeContactsAsync(DateTimeOffset consentedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        return await sql.Execute("DELETE FROM contacts WHERE consent_at < @before", ("before", dialect.Time(consentedBefore)));
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
    internal static string OpaqueId(string entryId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryId)).AsSpan(0, 16));

    /// <summary>
    /// A redelivered entry inserts nothing: the response, its values (keyed by response and position) and the
    /// contact (same values again) all conflict with what the first delivery stored.
    /// </summary>
    private void QueueResponse(Sql sql, OutboxEntry entry, CompletedResponse response)
    {
        var id = OpaqueId(entry.Id);
        sql.Queue(
            "INSERT INTO responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) VALUES (@id, @survey, @version, @channel, @respondent, @promoter, @language, @started, @completed) ON CONFLICT DO NOTHING",
            ("id", id),
            ("survey", response.SurveyId),
            ("version", response.SurveyVersion),
            ("channel", entry.Channel),
            ("respondent", entry.Respondent),
            ("promoter", response.Promoter),
            ("language", response.Language),
            ("started", dialect.Time(response.StartedAt)),
            ("completed", dialect.Time(response.CompletedAt)));
        for (var seq = 0; seq < response.Values.Count; seq++)
        {
            var value = response.Values[seq];
            sql.Queue(
                "INSERT INTO answer_values (response_id, seq, question, row_code, rank, option_code, text) VALUES (@id, @seq, @question, @row, @rank, @option, @text) ON CONFLICT DO NOTHING",
                ("id", id),
                ("seq", seq),
                ("question", value.Question),
                ("row", value.Row),
                ("rank", value.Rank),
                ("option", value.Option),
                ("text", value.Text));
        }

        if (entry.Contact is not null)
        {
            sql.Queue(
                "INSERT INTO contacts (respondent, channel, address, consent_at, consent_version) VALUES (@respondent, @channel, @address, @at, @version) ON CONFLICT (respondent) DO UPDATE SET channel = excluded.channel, address = excluded.address, consent_at = excluded.consent_at, consent_version = excluded.consent_version",
                ("respondent", entry.Respondent),
                ("channel", entry.Channel),
                ("address", entry.Contact),
                ("at", dialect.Time(response.CompletedAt)),
                ("version", $"{response.SurveyId}/{response.SurveyVersion}"));
        }
    }

    /// <remarks>
    /// Dead letters go first: on PostgreSQL that DELETE waits for a re-drive of one of them that holds its row
    /// (<see cref="DeadLetterStore.RedriveAsync"/>), so the statements after it see what the re-drive stored.
    /// </remarks>
    private static void QueueDeletion(Sql sql, string respondent)
    {
        sql.Queue("DELETE FROM dead_letters WHERE respondent = @r", ("r", respondent));
        sql.Queue("DELETE FROM answer_values WHERE response_id IN (SELECT id FROM responses WHERE respondent = @r)", ("r", respondent));
        sql.Queue("DELETE FROM responses WHERE respondent = @r", ("r", respondent));
        sql.Queue("DELETE FROM conversation_events WHERE respondent = @r", ("r", respondent));
        sql.Queue("DELETE FROM contacts WHERE respondent = @r", ("r", respondent));
    }
}
