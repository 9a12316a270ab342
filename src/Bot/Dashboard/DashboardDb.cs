using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard;

/// <summary>
/// The dashboard's reading side of the domain store: plain SQL shared by SQLite and PostgreSQL, with the filter turned
/// into parameters (never into SQL text) and the few differences taken from <see cref="SqlDialect"/>.
/// </summary>
public sealed class DashboardDb(SqlResponseStore store, IOptions<DashboardOptions> options)
{
    public SqlResponseStore Store => store;

    public SqlDialect Dialect => store.Dialect;

    public TimeSpan Offset => options.Value.UtcOffset;

    /// <summary>Today in the dashboard's offset.</summary>
    public DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The local day of a time column, as "yyyy-MM-dd".</summary>
    public string Day(string column) => Dialect.LocalDay(column, (int)Offset.TotalMinutes);

    public object Time(DateTimeOffset at) => Dialect.Time(at);

    /// <summary>Conditions for rows of <paramref name="alias"/> whose <paramref name="timeColumn"/> and channel/promoter match.</summary>
    public (string Sql, (string Name, object? Value)[] Parameters) Where(DashboardFilter filter, string alias, string timeColumn)
    {
        var conditions = new List<string> { "1 = 1" };
        var parameters = new List<(string, object?)>();
        if (filter.Start(Offset) is { } start)
        {
            conditions.Add($"{alias}.{timeColumn} >= @f_from");
            parameters.Add(("f_from", Time(start)));
        }

        if (filter.End(Offset) is { } end)
        {
            conditions.Add($"{alias}.{timeColumn} < @f_to");
            parameters.Add(("f_to", Time(end)));
        }

        Dimensions(filter, alias, conditions, parameters);
        return (string.Join(" AND ", conditions), [.. parameters]);
    }

    /// <summary>
    /// Conditions for tally rows of <paramref name="alias"/> (Storage/Tallies): the days of the filter, or the running
    /// total of all days when it has none and <paramref name="byDay"/> is false; and its channel, promoter and version.
    /// </summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) TallyWhere(DashboardFilter filter, string alias, bool byDay = false)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.From is null && filter.To is null && !byDay)
        {
            conditions.Add($"{alias}.day = ''");
        }
        else
        {
            conditions.Add($"{alias}.day <> ''");
            if (filter.From is { } from)
            {
                conditions.Add($"{alias}.day >= @f_from");
                parameters.Add(("f_from", Format.Day(from)));
            }

            if (filter.To is { } to)
            {
                conditions.Add($"{alias}.day <= @f_to");
                parameters.Add(("f_to", Format.Day(to)));
            }
        }

        Dimensions(filter, alias, conditions, parameters);
        return (string.Join(" AND ", conditions), [.. parameters]);
    }

    /// <summary>
    /// The filter without its dates when they take in every day that has people ("últimos 30 días" of a campaign three
    /// weeks old): the tallies' running totals then give the same figures without adding up each day.
    /// </summary>
    public async Task<DashboardFilter> WithoutNeedlessDatesAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (filter.From is null && filter.To is null)
        {
            return filter;
        }

        // Two probes of the key's first column, whatever the number of rows.
        var span = await ListAsync(
            "SELECT (SELECT MIN(day) FROM tally_people WHERE day <> ''), (SELECT MAX(day) FROM tally_people WHERE day <> '')",
            [], r => (First: ReadString(r, 0), Last: ReadString(r, 1)), cancellationToken);
        var (first, last) = span[0];
        var coversAll = first is null || last is null
            || ((filter.From is not { } from || string.CompareOrdinal(Format.Day(from), first) <= 0)
                && (filter.To is not { } to || string.CompareOrdinal(Format.Day(to), last) >= 0));
        return coversAll ? filter with { From = null, To = null } : filter;
    }

    public async Task<List<T>> ListAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in StreamAsync(sql, parameters, map, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Rows one at a time as the database sends them: exports of any size in constant memory.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<DbDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = new Sql(connection, null);
        await using var reader = await command.Query(sql, parameters, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return map(reader);
        }
    }

    public async Task<long> CountAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = new Sql(connection, null);
        return Convert.ToInt64(await command.Scalar(sql, parameters) ?? 0L, CultureInfo.InvariantCulture);
    }

    private static void Dimensions(DashboardFilter filter, string alias, List<string> conditions, List<(string, object?)> parameters)
    {
        if (filter.ChannelSet is { } channels)
        {
            conditions.Add($"{alias}.channel IN ({string.Join(", ", channels.Select((_, i) => $"@f_channel{i}"))})");
            parameters.AddRange(channels.Select((c, i) => ($"f_channel{i}", (object?)c)));
        }

        if (filter.Version is { } version)
        {
            conditions.Add($"{alias}.survey_version = @f_version");
            parameters.Add(("f_version", version));
        }

        if (filter.Promoter is { } promoter)
        {
            conditions.Add($"{alias}.promoter = @f_promoter");
            parameters.Add(("f_promoter", promoter));
        }
    }

    /// <summary>A time column as read back: text on SQLite, a DateTime on PostgreSQL.</summary>
    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => SqlDialect.ReadTime(reader, ordinal);

    public static string? ReadString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long ReadLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
