using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ChatSurvey.Load;

/// <summary>
/// Fills a migrated store with synthetic responses fast: PostgreSQL through binary COPY, SQLite in one transaction of
/// prepared inserts. Secondary indexes and constraints are dropped first and re-created from their own definitions
/// afterwards: the same end state as the migrated schema, built by sorting instead of tens of millions of random
/// B-tree inserts.
/// </summary>
internal static class BulkLoad
{
    public static Task PostgresAsync(string connectionString, SyntheticResponses data, int count) =>
        PostgresAsync(connectionString, ["responses", "answer_values"], connection => CopyResponsesAsync(connection, data, count));

    /// <summary>Drops the tables' indexes and constraints, runs <paramref name="copy"/>, and re-creates them from their own definitions.</summary>
    public static async Task PostgresAsync(string connectionString, IReadOnlyList<string> tables, Func<NpgsqlConnection, Task> copy)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A throwaway load: no need to wait for each commit's flush.
        await Execute(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
        var regclasses = string.Join(", ", tables.Select(t => $"'{t}'::regclass"));
        var names = string.Join(", ", tables.Select(t => $"'{t}'"));
        var constraints = await Strings(connection, $"SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE conrelid IN ({regclasses}) ORDER BY contype = 'f'");
        var indexes = await Strings(connection, $"SELECT indexdef FROM pg_indexes WHERE tablename IN ({names}) AND indexname NOT IN (SELECT conname FROM pg_constraint)");
        foreach (var drop in await Strings(connection, $"SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint WHERE conrelid IN ({regclasses}) ORDER BY contype <> 'f'"))
        {
            await Execute(connection, drop);
        }

        foreach (var drop in await Strings(connection, $"SELECT format('DROP INDEX %I', indexname) FROM pg_indexes WHERE tablename IN ({names})"))
        {
            await Execute(connection, drop);
        }

        await copy(connection);
        foreach (var statement in indexes.Concat(constraints).Concat(tables.Select(t => $"VACUUM ANALYZE {t}")))
        {
            await Execute(connection, statement);
        }
    }

    private static async Task CopyResponsesAsync(NpgsqlConnection connection, SyntheticResponses data, int count)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("COPY responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var r = SyntheticResponses.For(i);
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id, NpgsqlDbType.Text);
                await copy.WriteAsync(data.SurveyId, NpgsqlDbType.Text);
                await copy.WriteAsync(data.SurveyVersion, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Channel, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Respondent, NpgsqlDbType.Text);
                await Nullable(copy, r.Promoter, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Language, NpgsqlDbType.Text);
                await copy.WriteAsync(r.StartedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.CompletedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY answer_values (response_id, seq, question, row_code, rank, option_code, text) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var id = SyntheticResponses.For(i).Id;
                for (var seq = 0; seq < data.Values.Count; seq++)
                {
                    var v = data.Values[seq];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Text);
                    await copy.WriteAsync(seq, NpgsqlDbType.Integer);
                    await copy.WriteAsync(v.Question, NpgsqlDbType.Text);
                    await Nullable(copy, v.Row, NpgsqlDbType.Text);
                    if (v.Rank is { } rank)
                    {
                        await copy.WriteAsync(rank, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }

                    await Nullable(copy, v.Option, NpgsqlDbType.Text);
                    await Nullable(copy, v.Text, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }
    }

    public static Task SqliteAsync(string path, SyntheticResponses data, int count) =>
        SqliteAsync(path, ["responses", "answer_values"], (connection, transaction) => InsertResponses(connection, transaction, data, count));

    /// <summary>Drops the tables' secondary indexes, runs <paramref name="insert"/> in one transaction, re-creates them and analyzes.</summary>
    public static async Task SqliteAsync(string path, IReadOnlyList<string> tables, Action<SqliteConnection, SqliteTransaction> insert)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        // A throwaway load: no journal, no flushes, a large page cache for the primary keys' B-trees.
        await Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000");
        var names = string.Join(", ", tables.Select(t => $"'{t}'"));
        var indexes = await Strings(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})");
        foreach (var name in await Strings(connection, $"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})"))
        {
            await Execute(connection, $"DROP INDEX \"{name}\"");
        }

        await using (var transaction = connection.BeginTransaction())
        {
            insert(connection, transaction);
            transaction.Commit();
        }

        foreach (var statement in indexes.Append("ANALYZE"))
        {
            await Execute(connection, statement);
        }
    }

    private static void InsertResponses(SqliteConnection connection, SqliteTransaction transaction, SyntheticResponses data, int count)
    {
        using var response = Prepared(connection, transaction, "INSERT INTO responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)", 9);
        using var value = Prepared(connection, transaction, "INSERT INTO answer_values (response_id, seq, question, row_code, rank, option_code, text) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7)", 7);
        for (var i = 0; i < count; i++)
        {
            var r = SyntheticResponses.For(i);
            Run(response, r.Id, data.SurveyId, data.SurveyVersion, r.Channel, r.Respondent, r.Promoter, r.Language, Time(r.StartedAt), Time(r.CompletedAt));
            for (var seq = 0; seq < data.Values.Count; seq++)
            {
                var v = data.Values[seq];
                Run(value, r.Id, seq, v.Question, v.Row, v.Rank, v.Option, v.Text);
            }
        }
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var p = 1; p <= parameters; p++)
        {
            command.Parameters.Add(new SqliteParameter($"@p{p}", null));
        }

        command.Prepare();
        return command;
    }

    public static void Run(SqliteCommand command, params object?[] values)
    {
        for (var p = 0; p < values.Length; p++)
        {
            command.Parameters[p].Value = values[p] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public static async Task Nullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, type);
        }
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> Strings(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
