using System.Net.Http.Json;
using System.Text.Json;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;
using Npgsql;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>The bot on real Redis and a real PostgreSQL: outages of the database, and deletion without a trace.</summary>
public sealed class PostgresHostTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task DatabaseDownForAWhile_ConversationsGoOn_BacklogDrainsOnceWhenBack()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var host = await BotHost.StartAsync(Settings(redis, database));
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");

        await postgres.Server.StopAsync();
        try
        {
            foreach (var answer in SurveyScript.Answers)
            {
                await chat.Send(answer);
            }

            Assert.Contains("gracias", chat.LastText, StringComparison.OrdinalIgnoreCase);
            var ready = await host.Client.GetFromJsonAsync<JsonElement>("/readyz");
            Assert.Equal("ready", ready.GetProperty("status").GetString());
            Assert.False(ready.GetProperty("store").GetBoolean());
            Assert.True(ready.GetProperty("outbox").GetProperty("entries").GetInt64() > 0);
        }
        finally
        {
            await postgres.Server.StartProcessAsync();
        }

        await Eventually.Get(() => PostgresQuery.Count(database, "SELECT COUNT(*) FROM responses"), n => n == 1, "the response after the database came back");
        await Eventually.Get(async () => (await host.Client.GetFromJsonAsync<JsonElement>("/readyz")).GetProperty("outbox").GetProperty("entries").GetInt64(), n => n == 0, "the outbox to drain");
        Assert.Equal(1, await PostgresQuery.Count(database, "SELECT COUNT(*) FROM responses"));
        Assert.Equal(1, await PostgresQuery.Count(database, "SELECT COUNT(*) FROM conversation_events WHERE type = 'completed'"));
    }

    [Fact]
    public async Task Borrar_AfterCompletingWithContactConsent_NoTraceInAnyTableOrRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var host = await BotHost.StartAsync(Settings(redis, database));
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        foreach (var answer in SurveyScript.Answers.SkipLast(2).Append("si").Append("1"))
        {
            await chat.Send(answer);
        }

        await Eventually.Get(() => PostgresQuery.Count(database, "SELECT COUNT(*) FROM contacts"), n => n == 1, "the volunteer's contact");
        await chat.Send("borrar");
        await chat.Send("1");
        Assert.Contains("borramos tus respuestas", chat.LastText, StringComparison.Ordinal);
        await Eventually.Get(() => PostgresQuery.Count(database, "SELECT COUNT(*) FROM conversation_events WHERE type = 'deleted'"), n => n == 1, "the deletion to reach the database");

        var pseudonym = host.Get<Pseudonymizer>().For(new ConversationKey(Channel.Web, chat.Conversation));
        foreach (var needle in new[] { pseudonym, chat.Conversation })
        {
            Assert.Empty(await Traces.InPostgres(database, needle));
            Assert.Empty(await Traces.InRedis(redis, needle));
        }

        Assert.Equal(0, await PostgresQuery.Count(database, "SELECT COUNT(*) FROM responses"));
    }

    [Fact]
    public async Task TwoHostsOneRedisOnePostgres_InterleavedAndRedelivered_SameRowsAsOneHost()
    {
        await using var redis = await RedisServer.StartAsync();
        var shared = Settings(redis, await postgres.Server.CreateDatabaseAsync());
        await using var first = await BotHost.StartAsync(shared);
        await using var second = await BotHost.StartAsync(shared);
        await using var singleRedis = await RedisServer.StartAsync();
        var alone = Settings(singleRedis, await postgres.Server.CreateDatabaseAsync());
        await using var single = await BotHost.StartAsync(alone);

        string[] conversations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WebChatClient.OpenAsync(first.Client)));
        string[] messages = ["/start", .. SurveyScript.Answers];
        for (var i = 0; i < messages.Length; i++)
        {
            // Several people at once; each message goes to one host, and is redelivered to the other.
            await Task.WhenAll(conversations.Select(async (conversation, c) =>
            {
                var id = $"msg-{i:D6}";
                await new WebChatClient((i + c) % 2 == 0 ? first.Client : second.Client, conversation).Send(messages[i], id);
                await new WebChatClient((i + c) % 2 == 0 ? second.Client : first.Client, conversation).Send(messages[i], id);
                await new WebChatClient(single.Client, conversation).Send(messages[i], id);
            }));
        }

        const string rows = "SELECT r.channel || '|' || a.question || '|' || COALESCE(a.row_code, '') || '|' || COALESCE(a.rank::text, '') || '|' || COALESCE(a.option_code, '') || '|' || COALESCE(a.text, '') FROM answer_values a JOIN responses r ON r.id = a.response_id ORDER BY r.respondent, a.seq";
        await Eventually.Get(() => PostgresQuery.Count(shared["ConnectionStrings:ChatSurvey"]!, "SELECT COUNT(*) FROM responses"), n => n == conversations.Length, "the responses from two hosts");
        await Eventually.Get(() => PostgresQuery.Count(alone["ConnectionStrings:ChatSurvey"]!, "SELECT COUNT(*) FROM responses"), n => n == conversations.Length, "the responses from one host");
        Assert.Equal(await PostgresQuery.Strings(alone["ConnectionStrings:ChatSurvey"]!, rows), await PostgresQuery.Strings(shared["ConnectionStrings:ChatSurvey"]!, rows));
        Assert.Equal(
            await PostgresQuery.Strings(alone["ConnectionStrings:ChatSurvey"]!, "SELECT type || '|' || COUNT(*) FROM conversation_events GROUP BY type ORDER BY type"),
            await PostgresQuery.Strings(shared["ConnectionStrings:ChatSurvey"]!, "SELECT type || '|' || COUNT(*) FROM conversation_events GROUP BY type ORDER BY type"));
    }

    private static Dictionary<string, string?> Settings(RedisServer redis, string database) => new()
    {
        ["Redis:Configuration"] = redis.Endpoint,
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:ChatSurvey"] = database,
    };
}
