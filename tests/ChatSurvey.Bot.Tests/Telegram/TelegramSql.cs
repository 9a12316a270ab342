using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>Reads what the outbox worker stored in the bot's SQLite file.</summary>
public static class TelegramSql
{
    /// <summary>The completed response of the one respondent whose chat this is, waiting for the outbox worker.</summary>
    public static async Task<(string Channel, string Promoter, List<string> Values)> ResponseAsync(BotHost host, long chatId)
    {
        var respondent = host.Get<Pseudonymizer>().For(new ConversationKey(Channel.Telegram, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var db = new SqliteConnection($"Data Source={host.DatabasePath}");
        await db.OpenAsync();
        var response = await Eventually.Get(
            () => Rows(db, "SELECT id, channel, COALESCE(promoter, '') FROM responses WHERE respondent = $p", respondent),
            rows => rows.Count > 0,
            "the response in SQLite");
        var single = Assert.Single(response);
        var values = await Rows(db, "SELECT question, COALESCE(row_code, ''), COALESCE(CAST(rank AS TEXT), ''), COALESCE(option_code, ''), COALESCE(text, '') FROM answer_values WHERE response_id = $p ORDER BY seq", single[0]);
        return (single[1], single[2], [.. values.Select(v => string.Join('|', v))]);
    }

    private static async Task<List<string[]>> Rows(SqliteConnection db, string sql, string parameter)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }
}
