using System.Globalization;
using Npgsql;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// Reads what the bot stored, straight from PostgreSQL. Unpooled: a pooled connection from before a restart of the
/// server would be dead.
/// </summary>
public static class PostgresQuery
{
    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> Strings(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public static async Task<long> Count(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
