using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Events;
using Microsoft.Data.Sqlite;

namespace ChatSurvey.Bot.Storage;

/// <summary>The embedded domain store: a SQLite file, schema applied by numbered migrations at startup.</summary>
public sealed class SqliteResponseStore(string connectionString) : IResponseStore
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await Execute(connection, null, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);");
        var applied = Convert.ToInt32(await Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        for (var version = applied + 1; version <= SqliteMigrations.Steps.Length; version++)
        {
            await using var transaction = connection.BeginTransaction();
            await Execute(connection, transaction, SqliteMigrations.Steps[version - 1]);
            await Execute(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at)", ("$v", version), ("$at", Iso(DateTimeOffset.UtcNow)));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case ConversationCompleted completed:
                    await InsertResponse(connection, transaction, entry, completed.Response);
                    break;
                case DeletionRequested:
                    await Execute(connection, transaction, "DELETE FROM responses WHERE respondent = $r; DELETE FROM conversation_events WHERE respondent = $r", ("$r", entry.Respondent));
                    break;
            }

            // The deletion event itself keeps no pseudonym: nothing links it back to the person.
            var respondent = entry.Event is DeletionRequested ? null : entry.Respondent;
            var columns = EventColumns.Of(entry.Event);
            await Execute(
                connection,
                transaction,
                "INSERT OR IGNORE INTO conversation_events (id, at, type, channel, respondent, promoter, question, detail) VALUES ($id, $at, $type, $channel, $respondent, $promoter, $question, $detail)",
                ("$id", OpaqueId(entry.Id)),
                ("$at", Iso(entry.Event.At)),
                ("$type", columns.Type),
                ("$channel", entry.Channel),
                ("$respondent", respondent),
                ("$promoter", columns.Promoter),
                ("$question", columns.Question),
                ("$detail", columns.Detail));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await Scalar(connection, "SELECT 1");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Ids derived from the outbox entry, so a redelivery hits the same primary key; hashed so they reveal nothing.</summary>
    internal static string OpaqueId(string entryId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryId)).AsSpan(0, 16));

    private static async Task InsertResponse(SqliteConnection connection, SqliteTransaction transaction, OutboxEntry entry, CompletedResponse response)
    {
        var id = OpaqueId(entry.Id);
        var inserted = await Execute(
            connection,
            transaction,
            "INSERT OR IGNORE INTO responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) VALUES ($id, $survey, $version, $channel, $respondent, $promoter, $language, $started, $completed)",
            ("$id", id),
            ("$survey", response.SurveyId),
            ("$version", response.SurveyVersion),
            ("$channel", entry.Channel),
            ("$respondent", entry.Respondent),
            ("$promoter", response.Promoter),
            ("$language", response.Language),
            ("$started", Iso(response.StartedAt)),
            ("$completed", Iso(response.CompletedAt)));
        if (inserted == 0)
        {
            return;
        }

        for (var seq = 0; seq < response.Values.Count; seq++)
        {
            var value = response.Values[seq];
            await Execute(
                connection,
                transaction,
                "INSERT INTO answer_values (response_id, seq, question, row_code, rank, option_code, text) VALUES ($id, $seq, $question, $row, $rank, $option, $text)",
                ("$id", id),
                ("$seq", seq),
                ("$question", value.Question),
                ("$row", value.Row),
                ("$rank", value.Rank),
                ("$option", value.Option),
                ("$text", value.Text));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static async Task<int> Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
