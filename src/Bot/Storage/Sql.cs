using System.Data.Common;
using ChatSurvey.Domain.Answers;

namespace ChatSurvey.Bot.Storage;

/// <summary>A thin helper over one connection (and transaction): commands with @named parameters.</summary>
public sealed class Sql(DbConnection connection, DbTransaction? transaction) : IAsyncDisposable
{
    private readonly List<DbCommand> _commands = [];
    private readonly List<(string Text, (string Name, object? Value)[] Parameters)> _queued = [];

    /// <summary>Adds a statement to be sent with the others by <see cref="Flush"/>.</summary>
    public void Queue(string text, params (string Name, object? Value)[] parameters) => _queued.Add((text, parameters));

    /// <summary>
    /// Queues an INSERT of <paramref name="rows"/> (values in the order of <paramref name="columns"/>), ended by
    /// <paramref name="tail"/> (an ON CONFLICT clause): on a database with <see cref="SqlDialect.ArrayInserts"/> one
    /// statement whose parameters are one array per column, read back in the rows' order by unnest; otherwise one
    /// statement per row. A parameter per value was most of what the outbox writer allocated.
    /// </summary>
    public void QueueRows(SqlDialect dialect, string table, IReadOnlyList<SqlColumn> columns, IReadOnlyList<object?[]> rows, string tail)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        if (dialect.ArrayInserts)
        {
            var arrays = string.Join(", ", columns.Select((c, i) => $"@a{i}::{c.Type}[]"));
            Queue($"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) {tail}", [.. columns.Select((c, i) => ($"a{i}", (object?)ArrayOf(rows, i, c.Type)))]);
            return;
        }

        var text = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@a{i}"))}) {tail}";
        foreach (var row in rows)
        {
            Queue(text, [.. row.Select((value, i) => ($"a{i}", value))]);
        }
    }

    /// <summary>
    /// Sends the queued statements in order: as one batch, so one round trip, where the provider has batches
    /// (PostgreSQL); one by one otherwise (SQLite, which runs in this process and has no round trips to save).
    /// </summary>
    public async Task Flush()
    {
        if (_queued.Count == 0)
        {
            return;
        }

        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (text, parameters) in _queued)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = text;
                AddParameters(command.Parameters, command.CreateParameter, parameters);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }
        else
        {
            // One command per distinct statement, run again with the next values: SQLite then compiles each statement
            // once per flush instead of once per row (compiling was most of the store's CPU per turn).
            var prepared = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
            foreach (var (text, parameters) in _queued)
            {
                if (prepared.TryGetValue(text, out var command) && SameNames(command.Parameters, parameters))
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        command.Parameters[i].Value = Value(parameters[i].Value);
                    }
                }
                else
                {
                    command = prepared[text] = Command(text, parameters);
                }

                await command.ExecuteNonQueryAsync();
            }

            foreach (var command in prepared.Values)
            {
                await command.DisposeAsync();
            }
        }

        _queued.Clear();
    }

    // Commands that return no reader are disposed as soon as they are done: SQLite's connection keeps a list of its
    // live commands and searches it to remove each one disposed, so keeping a tally rebuild's hundred thousand
    // statements to the end cost minutes (bench/README.md, issue 16).
    public async Task<int> Execute(string text, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(text, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> Scalar(string text, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(text, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// A reader with no command timeout, ended by <paramref name="cancellationToken"/> instead: the database may sort
    /// a whole campaign (43 s for a million responses on PostgreSQL, bench/README.md) before its first row, longer
    /// than the providers' 30 s default.
    /// </summary>
    public async Task<DbDataReader> Query(string text, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = Command(text, parameters);
        _commands.Add(command);
        command.CommandTimeout = 0;
        return await command.ExecuteReaderAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }
    }

    private DbCommand Command(string text, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        AddParameters(command.Parameters, command.CreateParameter, parameters);
        return command;
    }

    private static void AddParameters(DbParameterCollection collection, Func<DbParameter> create, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = create();
            // With its "@": SQLite looks a bare name up, fails, then tries it with each prefix (a new string and two
            // lookups per value on every run of a statement, 8 % of what the bot allocated at load on SQLite).
            parameter.ParameterName = $"@{name}";
            parameter.Value = Value(value);
            collection.Add(parameter);
        }
    }

    /// <summary>
    /// Defence in depth: whatever reached this point, no text the database refuses (NUL, a lone surrogate) is ever
    /// sent. Input is cleaned before the engine already; this catches any other way in.
    /// </summary>
    private static object Value(object? value) => value is string text ? TextHygiene.Clean(text) : value ?? DBNull.Value;

    /// <summary>One column of <paramref name="rows"/> as a typed array (texts cleaned as every value is).</summary>
    private static Array ArrayOf(IReadOnlyList<object?[]> rows, int column, string type) => type switch
    {
        "bigint" => rows.Select(r => Convert.ToInt64(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        "integer" => rows.Select(r => r[column] is { } n ? Convert.ToInt32(n, System.Globalization.CultureInfo.InvariantCulture) : (int?)null).ToArray(),
        "timestamptz" => rows.Select(r => (DateTime)r[column]!).ToArray(),
        _ => rows.Select(r => r[column] switch
        {
            null => null,
            string text => TextHygiene.Clean(text),
            var other => throw new ArgumentException($"A {other.GetType().Name} in text column {column}", nameof(rows)),
        }).ToArray(),
    };

    private static bool SameNames(DbParameterCollection collection, (string Name, object? Value)[] parameters)
    {
        if (collection.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!collection[i].ParameterName.AsSpan(1).SequenceEqual(parameters[i].Name))
            {
                return false;
            }
        }

        return true;
    }
}
