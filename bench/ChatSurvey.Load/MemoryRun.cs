using System.Diagnostics;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatSurvey.Load;

/// <summary>
/// Redis memory per in-progress conversation at the longest point of the survey (every question answered, the
/// summary waiting for confirmation), with short free texts, through the real turn path; Redis at its defaults.
/// </summary>
internal static class MemoryRun
{
    public static async Task RunAsync(int count)
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var host = await LoadHost.StartAsync(redis.Endpoint);
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},allowAdmin=true");
        var server = connection.GetServer(redis.Endpoint);
        var service = host.Services.GetRequiredService<ConversationService>();
        string[] messages = ["/start", .. SurveyScript.Answers.SkipLast(1)];

        await Drained(server, connection);
        var before = await UsedMemory(server);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var key = new ConversationKey(Bot.Conversations.Channel.Web, $"memory-{i:D8}");
                for (var m = 0; m < messages.Length; m++)
                {
                    var input = m == 0 ? Input.Start() : Input.FromText(messages[m]);
                    await service.HandleAsync(new InboundMessage(key, $"{i}-{m}", input), default);
                }
            }
        }));
        var turns = (long)count * messages.Length;
        Console.WriteLine($"conversations={count} turns={turns} seconds={clock.Elapsed.TotalSeconds:F1} turns/s={turns / clock.Elapsed.TotalSeconds:F0}");

        var lag = Stopwatch.StartNew();
        await Drained(server, connection);
        Console.WriteLine($"outbox drained to SQLite {lag.Elapsed.TotalSeconds:F1} s after the last turn");
        var after = await UsedMemory(server);
        Console.WriteLine($"used_memory growth per conversation bytes={(after - before) / (double)count:F0}");

        var db = connection.GetDatabase();
        var sample = server.Keys(pattern: "*:c:*", pageSize: 1000).First();
        var keyBytes = (long)(await db.ExecuteAsync("MEMORY", "USAGE", sample, "SAMPLES", "0"));
        Console.WriteLine($"MEMORY USAGE of one conversation hash bytes={keyBytes}");
        // A listpack keeps the hash compact; one value over hash-max-listpack-value (64) makes it a hashtable for good.
        Console.WriteLine($"OBJECT ENCODING of that hash: {await db.KeyEncodingAsync(sample)}");
        var fields = await db.HashGetAllAsync(sample);
        Console.WriteLine($"fields: {string.Join(", ", fields.Select(f => $"{f.Name}={((byte[])f.Value!).Length}B"))}");
        Console.WriteLine($"pending-replies keys left: {server.Keys(pattern: "*:r:*", pageSize: 1000).Count()}");
    }

    private static async Task<long> UsedMemory(IServer server)
    {
        var info = await server.InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Drained(IServer server, ConnectionMultiplexer connection)
    {
        var db = connection.GetDatabase();
        while (true)
        {
            long pending = 0;
            foreach (var stream in server.Keys(pattern: "*:outbox"))
            {
                pending += await db.StreamLengthAsync(stream);
            }

            if (pending == 0)
            {
                return;
            }

            await Task.Delay(200);
        }
    }
}
