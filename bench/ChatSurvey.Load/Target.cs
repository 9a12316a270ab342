using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace ChatSurvey.Load;

/// <summary>
/// What the respondents drive: the bot or the floor, each a child process with a redis-server of its own (so Redis
/// memory and CPU are per target). Holds how many messages each step of the script brings back on each channel,
/// learned once by <see cref="Respondents.CalibrateAsync"/>.
/// </summary>
internal sealed class Target(string name, ChildProcess process, RedisProcess redis, ConnectionMultiplexer connection, bool isBot)
{
    public string Name => name;

    public ChildProcess Process => process;

    public Uri BaseAddress => process.BaseAddress;

    public bool IsBot => isBot;

    public RedisProcess Redis => redis;

    /// <summary>Per channel, the total of messages received after each step of the script.</summary>
    public Dictionary<Channel, int[]> Expected { get; } = [];

    private IServer Server => connection.GetServer(redis.Endpoint);

    public async Task<long> RedisUsedMemoryAsync() => long.Parse(await InfoAsync("memory", "used_memory"), CultureInfo.InvariantCulture);

    /// <summary>Commands Redis has run so far (INFO stats), to count round trips per turn.</summary>
    public async Task<long> RedisCommandsAsync() => long.Parse(await InfoAsync("stats", "total_commands_processed"), CultureInfo.InvariantCulture);

    public async Task<int> RedisPidAsync() => int.Parse(await InfoAsync("server", "process_id"), CultureInfo.InvariantCulture);

    public async Task<long> RedisKeysAsync() => await Server.DatabaseSizeAsync();

    /// <summary>Average MEMORY USAGE of up to <paramref name="sample"/> keys matching <paramref name="pattern"/>.</summary>
    public async Task<double> MemoryUsageAsync(string pattern, int sample)
    {
        var db = connection.GetDatabase();
        var sizes = new List<long>();
        foreach (var key in Server.Keys(pattern: pattern, pageSize: 500).Take(sample))
        {
            sizes.Add((long)await db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0"));
        }

        return sizes.Count == 0 ? 0 : sizes.Average();
    }

    /// <summary>The bot's /readyz outbox backlog (events not yet in PostgreSQL); null for the floor or when unreadable.</summary>
    public async Task<(long Entries, double OldestSeconds)?> OutboxAsync(HttpClient http)
    {
        if (!isBot)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(BaseAddress, "/readyz")));
            return document.RootElement.TryGetProperty("outbox", out var outbox) && outbox.ValueKind == JsonValueKind.Object
                ? (outbox.GetProperty("entries").GetInt64(), outbox.GetProperty("oldestSeconds").GetDouble())
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Waits (bounded) until the bot has written every committed event to PostgreSQL.</summary>
    public async Task<TimeSpan> DrainOutboxAsync(HttpClient http, TimeSpan limit)
    {
        var started = DateTime.UtcNow;
        while (isBot && DateTime.UtcNow - started < limit && await OutboxAsync(http) is not (0, _))
        {
            await Task.Delay(200);
        }

        return DateTime.UtcNow - started;
    }

    private async Task<string> InfoAsync(string section, string key) =>
        (await Server.InfoAsync(section)).SelectMany(g => g).First(p => p.Key == key).Value;
}
