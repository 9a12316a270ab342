using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>Reads what a test wrote, through the store's own connection (SQLite or PostgreSQL alike).</summary>
public static class StoreQuery
{
    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> Column(this SqlResponseStore store, string text, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await store.OpenAsync(default);
        await using var sql = new Sql(connection, null);
        await using var reader = await sql.Query(text, parameters, default);
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public static async Task<long> Count(this SqlResponseStore store, string text) => long.Parse((await store.Column(text)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task Execute(this SqlResponseStore store, string text)
    {
        await using var connection = await store.OpenAsync(default);
        await using var sql = new Sql(connection, null);
        await sql.Execute(text);
    }
}
