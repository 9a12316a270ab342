using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// What differs between the two domain databases. Everything else (the schema's shape, every statement, the
/// contract tests) is shared: both speak "INSERT … ON CONFLICT DO NOTHING" and take @named parameters.
/// </summary>
public sealed record SqlDialect(
    string Name,
    string TimeType,
    Func<DateTimeOffset, object> Time,
    string OnOpen,
    string MigrationLock,
    Func<string, DbDataSource> CreateDataSource)
{
    /// <summary>SQL for the calendar day ("yyyy-MM-dd" text) of a time column, at a fixed offset from UTC in minutes.</summary>
    public required Func<string, int, string> LocalDay { get; init; }

    /// <summary>SQL for the whole seconds from one time column to another.</summary>
    public required Func<string, string, string> SecondsBetween { get; init; }

    /// <summary>
    /// SQL that makes this write transaction see every deletion committed before it and none committed during it:
    /// shared between writers, exclusive for one that deletes. Empty where write transactions already run one at a
    /// time (SQLite's BEGIN IMMEDIATE).
    /// </summary>
    public required Func<bool, string> LockDeletions { get; init; }

    /// <summary>A time as the database keeps it: SQLite to the second, PostgreSQL to the microsecond (both truncate).</summary>
    public required Func<DateTimeOffset, DateTimeOffset> Stored { get; init; }

    /// <summary>
    /// SQL (parameter @r) that holds one respondent's lock until the transaction ends, so two writers never read and
    /// count the same person at once; empty where write transactions already run one at a time (SQLite).
    /// </summary>
    public required string LockRespondent { get; init; }

    /// <summary>The column type for bytes kept as they are (a dead letter's entry).</summary>
    public required string BytesType { get; init; }

    /// <summary>
    /// What follows a table that is read by ranges of its primary key (the tallies) so its rows are stored in that
    /// key's order: SQLite's WITHOUT ROWID; nothing on PostgreSQL, whose tables are heaps either way.
    /// </summary>
    public required string KeyOrdered { get; init; }

    /// <summary>
    /// Whether many rows go into one statement as column arrays (PostgreSQL's unnest): one statement and one parameter
    /// per column instead of one of each per row. SQLite has no arrays and no round trips to save.
    /// </summary>
    public bool ArrayInserts { get; init; }

    /// <summary>
    /// Whether an error is the database's state (busy, locked, unreachable, out of resources) rather than the
    /// statement's: trying again later may succeed without any change to what is written.
    /// </summary>
    public required Func<Exception, bool> IsTransient { get; init; }

    /// <summary>SQLite keeps times as ISO-8601 UTC text, which sorts and compares correctly.</summary>
    public static readonly SqlDialect Sqlite = new(
        "sqlite",
        "TEXT",
        at => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;",
        "",
        connectionString => SqliteFactory.Instance.CreateDataSource(connectionString))
    {
        LocalDay = (column, minutes) => string.Create(CultureInfo.InvariantCulture, $"date({column}, '{minutes:+0;-0;+0} minutes')"),
        SecondsBetween = (from, to) => $"CAST(ROUND((julianday({to}) - julianday({from})) * 86400) AS INTEGER)",
        LockDeletions = _ => "",
        Stored = at => new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        LockRespondent = "",
        BytesType = "BLOB",
        KeyOrdered = "WITHOUT ROWID",
        // SQLITE_BUSY, SQLITE_LOCKED (another writer holds the file past busy_timeout), SQLITE_IOERR, SQLITE_FULL.
        IsTransient = e => e is SqliteException { SqliteErrorCode: 5 or 6 or 10 or 13 },
    };

    /// <summary>PostgreSQL keeps times as timestamptz; an advisory lock lets several instances start at once.</summary>
    public static readonly SqlDialect Postgres = new(
        "postgres",
        "TIMESTAMPTZ",
        at => at.UtcDateTime,
        "",
        "SELECT pg_advisory_xact_lock(727274);",
        PostgresDataSource)
    {
        LocalDay = (column, minutes) => string.Create(CultureInfo.InvariantCulture, $"to_char(({column} AT TIME ZONE 'UTC') + interval '{minutes} minutes', 'YYYY-MM-DD')"),
        SecondsBetween = (from, to) => $"CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS BIGINT)",
        LockDeletions = deletes => deletes ? "LOCK TABLE tombstones IN SHARE ROW EXCLUSIVE MODE" : "LOCK TABLE tombstones IN SHARE MODE",
        ArrayInserts = true,
        Stored = at => new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero),
        LockRespondent = "SELECT pg_advisory_xact_lock(hashtextextended(@r, 16))",
        BytesType = "BYTEA",
        KeyOrdered = "",
        // Npgsql's own judgement: connection failures, timeouts, deadlocks, serialization failures, shutdowns.
        IsTransient = e => e is NpgsqlException { IsTransient: true },
    };

    /// <summary>A time column as read back: text on SQLite, a DateTime on PostgreSQL.</summary>
    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset at => at,
        var text => DateTimeOffset.Parse(Convert.ToString(text, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    /// <summary>
    /// The outbox sends the same few INSERTs all day: prepared on each connection after a few uses, PostgreSQL parses
    /// and plans them once. A connection string that sets "Max Auto Prepare" itself (0 behind a pooler that cannot
    /// keep prepared statements) wins.
    /// </summary>
    private static NpgsqlDataSource PostgresDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 20;
        }

        return builder.Build();
    }

    public static SqlDialect For(string? provider) => provider?.ToLowerInvariant() switch
    {
        null or "" or "sqlite" => Sqlite,
        "postgres" or "postgresql" => Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not known (expected Sqlite or Postgres)."),
    };
}
