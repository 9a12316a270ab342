using Microsoft.Data.Sqlite;
using Npgsql;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>Where a text (a pseudonym, a conversation id, a phone number) still appears: every column of every table, every Redis key and value.</summary>
public static class Traces
{
    public static async Task<List<string>> InPostgres(string database, string needle)
    {
        await using var connection = new NpgsqlConnection(database + ";Pooling=false");
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var traces = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var search = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\"::text LIKE @needle", connection);
            search.Parameters.AddWithValue("needle", $"%{needle}%");
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                traces.Add($"{table}.{column}");
            }
        }

        return traces;
    }

    public static async Task<List<string>> InSqlite(string file, string needle)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var traces = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var search = connection.CreateCommand();
            // Blobs too (a dead letter's entry): CAST makes text of them.
            search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE @needle";
            search.Parameters.AddWithValue("needle", $"%{needle}%");
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                traces.Add($"{table}.{column}");
            }
        }

        return traces;
    }

    public static async Task<List<string>> InRedis(RedisServer redis, string needle)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},allowAdmin=true");
        var db = connection.GetDatabase();
        var traces = new List<string>();
        await foreach (var key in connection.GetServer(redis.Endpoint).KeysAsync(pattern: "*"))
        {
            var type = await db.KeyTypeAsync(key);
            IEnumerable<string> values = type switch
            {
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { (string)e.Name!, Printable(e.Value) }),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(v => (string)v!),
                RedisType.Stream => (await db.StreamRangeAsync(key)).SelectMany(e => e.Values.Select(v => Printable(v.Value))),
                RedisType.String => [Printable(await db.StringGetAsync(key))],
                _ => [],
            };
            if (((string)key!).Contains(needle, StringComparison.Ordinal) || values.Any(v => v.Contains(needle, StringComparison.Ordinal)))
            {
                traces.Add($"{key} ({type})");
            }
        }

        return traces;
    }

    private static string Printable(RedisValue value) => value.IsNull ? "" : System.Text.Encoding.UTF8.GetString((byte[])value!);
}
