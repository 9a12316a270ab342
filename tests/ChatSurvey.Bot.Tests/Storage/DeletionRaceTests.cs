using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Conversations.Redis;
using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>
/// A deletion is final, whatever is still on its way: two bot instances on one Redis and one SQLite file, a person who
/// finishes with consent to be contacted while another process holds the database's write lock, then a staff deletion
/// or their own "borrar" at once; in some rounds a third consumer takes the person's events and dies with them, so
/// they arrive after the deletion, claimed by a live instance. Every round: the pseudonym, the conversation id and the
/// contact are in no table and no Redis key afterwards.
/// </summary>
public sealed class DeletionRaceTests(ITestOutputHelper output)
{
    private const int Rounds = 12;

    [Fact]
    public async Task DeletionWhileEventsInFlight_TwoInstancesAndADeadConsumer_NothingComesBack()
    {
        await using var redis = await RedisServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatsurvey-deletion-").FullName;
        var database = Path.Combine(folder, "shared.db");
        var prefix = $"test:{Guid.NewGuid():N}:";
        var settings = StaffAccounts.Settings();
        settings["Redis:Configuration"] = redis.Endpoint;
        settings["Redis:KeyPrefix"] = prefix;
        settings["ConnectionStrings:ChatSurvey"] = $"Data Source={database}";
        await using var first = await BotHost.StartAsync(settings);
        await using var second = await BotHost.StartAsync(settings);
        BotHost[] hosts = [first, second];
        using var admin = await StaffClient.SignedInAsync(second, StaffAccounts.Admin);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var random = new Random(20261203);

        for (var round = 0; round < Rounds; round++)
        {
            var byStaff = round % 2 == 0;
            var deadConsumer = round < 2;
            var token = await WebChatClient.OpenAsync(first.Client);
            var messages = new List<string> { "/start" };
            messages.AddRange(SurveyScript.Answers.SkipLast(2).Append("si").Append("1"));
            for (var i = 0; i < messages.Count - 1; i++)
            {
                await new WebChatClient(hosts[i % 2].Client, token).Send(messages[i], $"round{round:D2}-{i:D3}");
            }

            var pseudonym = first.Get<Pseudonymizer>().For(new ConversationKey(Channel.Web, token[..22]));

            // Another process holds SQLite's write lock (a backup, a long export) while the last answer is sent.
            var held = HoldWriteLockAsync(database, TimeSpan.FromMilliseconds(random.Next(300, 900)));
            await new WebChatClient(hosts[1].Client, token).Send(messages[^1], $"round{round:D2}-last");
            var taken = deadConsumer ? await TakeAndDieAsync(connection, prefix) : 0;

            if (byStaff)
            {
                using var deleted = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["pseudonym"] = pseudonym, ["confirm"] = "1" });
                Assert.True(deleted.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"round {round}: {(int)deleted.StatusCode}");
            }
            else
            {
                await new WebChatClient(hosts[0].Client, token).Send("borrar", $"round{round:D2}-borrar");
                await new WebChatClient(hosts[1].Client, token).Send("1", $"round{round:D2}-confirm");
            }

            await held;
            await Drained(first, TimeSpan.FromSeconds(deadConsumer ? 40 : 20));
            foreach (var needle in new[] { pseudonym, token[..22] })
            {
                Assert.True((await Traces.InSqlite(database, needle)).Count == 0, $"round {round} ({(byStaff ? "staff" : "borrar")}): {needle} in {string.Join(", ", await Traces.InSqlite(database, needle))}");
                Assert.True((await Traces.InRedis(redis, needle)).Count == 0, $"round {round}: {needle} in {string.Join(", ", await Traces.InRedis(redis, needle))}");
            }

            output.WriteLine($"round {round}: {(byStaff ? "staff deletion" : "borrar")}{(deadConsumer ? $", a dead consumer took {taken} entries" : "")}: nothing left");
        }

        await using var check = new SqliteConnection($"Data Source={database};Pooling=false");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM conversation_events WHERE type = 'deleted'";
        Assert.Equal(Rounds, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task HoldWriteLockAsync(string database, TimeSpan hold)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(hold);
            await using (var commit = connection.CreateCommand())
            {
                commit.CommandText = "COMMIT";
                await commit.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        });
    }

    /// <summary>A third consumer of the outbox takes what it can and dies without acknowledging: a live one claims it later.</summary>
    /// <returns>How many entries it took.</returns>
    private static async Task<int> TakeAndDieAsync(ConnectionMultiplexer connection, string prefix)
    {
        var dead = new RedisOutbox(connection, new RedisKeys(prefix, new RedisOptions().Buckets), TimeProvider.System);
        using var briefly = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            return (await dead.ReadAsync(256, briefly.Token)).Entries.Count;
        }
        catch (OperationCanceledException)
        {
            // Nothing left to take: the live instances were quicker this time.
            return 0;
        }
    }

    private static async Task Drained(BotHost host, TimeSpan within) =>
        await Eventually.Get(
            async () => (await host.Client.GetFromJsonAsync<JsonElement>("/readyz")).GetProperty("outbox").GetProperty("entries").GetInt64(),
            n => n == 0,
            "the outbox to drain",
            (int)within.TotalSeconds);
}
