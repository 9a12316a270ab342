using System.Net;
using System.Net.Http.Json;
using ChatSurvey.Bot.Channels.WebChat;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;

namespace ChatSurvey.Bot.Tests.Redis;

/// <summary>The whole bot on a real redis-server: outages, restarts and several instances.</summary>
public sealed class RedisHostTests
{
    [Fact]
    public async Task RedisKilledAndRestartedWithAof_MidSurvey_ConversationContinues()
    {
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        var settings = RedisSettings(redis.Endpoint);
        await using var host = await BotHost.StartAsync(settings);
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        await chat.Send("si");
        await chat.Send("si");
        await chat.Send("no");
        Assert.Contains("Pregunta 3 de 12", chat.LastText, StringComparison.Ordinal);

        await redis.KillAsync();
        await redis.StartProcessAsync();

        // A new process would have no cache: a second host on the same Redis proves the state came back from AOF.
        await using var fresh = await BotHost.StartAsync(settings);
        var resumed = new WebChatClient(fresh.Client, chat.Token);
        await Eventually.Get(() => ReadyStatus(fresh), s => s == HttpStatusCode.OK, "the new host to reach Redis");
        await resumed.Send("estado", id: "after-restart-01");
        Assert.Contains("Vas en la pregunta 3 de 12", resumed.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisStopped_WebChatAnswers503WithRetryAfter_AndRecoversWithNothingLost()
    {
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var host = await BotHost.StartAsync(RedisSettings(redis.Endpoint));
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        await chat.Send("si");

        await redis.KillAsync();
        using var refused = await chat.Post("si", "while-down-01");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyStatus(host));

        await redis.StartProcessAsync();
        await Eventually.Get(() => ReadyStatus(host), s => s == HttpStatusCode.OK, "/readyz to recover");
        // The platform's retry of the refused message is applied once, as if it had never failed.
        var retried = await chat.Send("si", id: "while-down-01");
        Assert.Contains("Pregunta 2 de 12", retried.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoHostsOneRedis_InterleavedDeliveries_SameStoredResponseAsOneHost()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = Path.Combine(Directory.CreateTempSubdirectory("chatsurvey-shared-").FullName, "shared.db");
        var shared = new Dictionary<string, string?>(RedisSettings(redis.Endpoint)) { ["ConnectionStrings:ChatSurvey"] = $"Data Source={database}" };
        await using var first = await BotHost.StartAsync(shared);
        await using var second = await BotHost.StartAsync(shared);
        await using var single = await BotHost.StartAsync();

        var conversation = await WebChatClient.OpenAsync(first.Client);
        var clients = new[] { new WebChatClient(first.Client, conversation), new WebChatClient(second.Client, conversation) };
        var alone = new WebChatClient(single.Client, conversation);
        string[] messages = ["/start", .. SurveyScript.Answers];
        for (var i = 0; i < messages.Length; i++)
        {
            var id = $"msg-{i:D6}";
            await clients[i % 2].Send(messages[i], id);
            // Redelivered to the other instance too: applied once.
            await clients[(i + 1) % 2].Send(messages[i], id);
            await alone.Send(messages[i], id);
        }

        var twoHosts = await Eventually.Get(() => StoredValues(database), v => v.Count > 0, "the response from two hosts");
        var oneHost = await Eventually.Get(() => StoredValues(single.DatabasePath), v => v.Count > 0, "the response from one host");
        Assert.Equal(oneHost, twoHosts);
        Assert.Equal(1, await Count(database, "SELECT COUNT(*) FROM responses"));
    }

    private static Dictionary<string, string?> RedisSettings(string endpoint) => new()
    {
        ["Redis:Configuration"] = $"{endpoint},connectTimeout=1000,syncTimeout=2000",
        ["Redis:KeyPrefix"] = $"test:{Guid.NewGuid():N}:",
    };

    private static async Task<HttpStatusCode> ReadyStatus(BotHost host)
    {
        using var response = await host.Client.GetAsync("/readyz");
        return response.StatusCode;
    }

    private static async Task<List<string>> StoredValues(string database)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT question || '|' || COALESCE(row_code, '') || '|' || COALESCE(rank, '') || '|' || COALESCE(option_code, '') || '|' || COALESCE(text, '') FROM answer_values ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<long> Count(string database, string sql)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
