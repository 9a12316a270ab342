using System.Diagnostics;
using System.Globalization;
using ChatSurvey.Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace ChatSurvey.Load;

/// <summary>
/// Everything a webhook run needs, all on 127.0.0.1: the fake Telegram and Twilio APIs (in this process), PostgreSQL,
/// and two child processes each with its own redis-server (AOF off, otherwise Redis's defaults): the real bot
/// (its build output, configured through environment variables as in production) and the floor.
/// </summary>
internal sealed class WebhookEnvironment : IAsyncDisposable
{
    public const string TelegramSecret = "load-webhook-secret";

    private readonly List<IAsyncDisposable> _owned = [];

    private WebhookEnvironment(string folder) => Folder = folder;

    public string Folder { get; }

    public FakeApis Fakes { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    public Target Bot { get; private set; } = null!;

    public Target Floor { get; private set; } = null!;

    /// <summary>The respondents' client: one connection pool for both targets, never a limit on connections.</summary>
    public HttpClient Http { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = TimeSpan.FromSeconds(60) };

    public Respondents Respondents { get; private set; } = null!;

    /// <param name="botEnvironment">Extra variables for the bot only (DOTNET_gcServer=0, DOTNET_TieredPGO=0…).</param>
    /// <param name="store">postgres, or sqlite: the embedded default, a file in the run's folder.</param>
    public static async Task<WebhookEnvironment> StartAsync(IReadOnlyList<string> botEnvironment, string store)
    {
        var environment = new WebhookEnvironment(Directory.CreateTempSubdirectory("chatsurvey-webhooks-").FullName);
        try
        {
            environment.SqlitePath = store == "sqlite" ? Path.Combine(environment.Folder, "chatsurvey.db") : null;
            await environment.StartPartsAsync(environment.SqlitePath is { } path
                ? ["DATABASE__PROVIDER=Sqlite", $"CONNECTIONSTRINGS__CHATSURVEY=Data Source={path}", .. botEnvironment]
                : botEnvironment);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>The harness's own process and the postgres server: the CPU that is neither a target's nor a stranger's.</summary>
    public static TimeSpan HarnessCpu() => ProcStats.Cpu(Environment.ProcessId);

    public TimeSpan PostgresCpu() => ProcStats.TreeCpu(PostgresPid());

    /// <summary>The SQLite file when the bot's store is the embedded one; null with PostgreSQL.</summary>
    public string? SqlitePath { get; private set; }

    /// <summary>Rows in the domain store's tables: the bot writes one INSERT per row, so their growth counts its statements.</summary>
    public async Task<long> StoreRowsAsync()
    {
        const string Count = "SELECT (SELECT count(*) FROM conversation_events) + (SELECT count(*) FROM responses) + (SELECT count(*) FROM answer_values)";
        System.Data.Common.DbConnection connection = SqlitePath is null
            ? new Npgsql.NpgsqlConnection(Postgres.ConnectionString())
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={SqlitePath};Mode=ReadOnly;Pooling=false");
        await using (connection)
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = Count;
            return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
    }

    private async Task StartPartsAsync(IReadOnlyList<string> botEnvironment)
    {
        Fakes = Own(await FakeApis.StartAsync());
        Postgres = Own(await PostgresServer.StartAsync());
        Respondents = new Respondents(Fakes, new WebhookClient(Http, TelegramSecret));
        Bot = await StartBotAsync(botEnvironment);
        Floor = await StartFloorAsync();
    }

    private async Task<Target> StartBotAsync(IReadOnlyList<string> extra)
    {
        var redis = Own(await RedisProcess.StartAsync());
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var api = Fakes.BaseAddress.ToString().TrimEnd('/');
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["URLS"] = url.ToString(),
            ["PRIVACY__PSEUDONYMKEY"] = "load-run-pseudonym-key",
            ["REDIS__CONFIGURATION"] = redis.Endpoint,
            ["DATABASE__PROVIDER"] = "Postgres",
            ["CONNECTIONSTRINGS__CHATSURVEY"] = Postgres.ConnectionString(),
            ["TELEGRAM__BOTTOKEN"] = FakeApis.TelegramToken,
            ["TELEGRAM__WEBHOOKSECRET"] = TelegramSecret,
            ["TELEGRAM__APIBASEURL"] = api,
            // Telegram's limits (1 message/s per chat, 30/s overall) model the platform, not our capacity: with
            // them, 1,000 respondents could never get more than 30 replies a second.
            ["TELEGRAM__PERCHATPERSECOND"] = "1000",
            ["TELEGRAM__PERCHATBURST"] = "1000",
            ["TELEGRAM__GLOBALPERSECOND"] = "1000000",
            ["TWILIO__ACCOUNTSID"] = FakeApis.TwilioAccountSid,
            ["TWILIO__AUTHTOKEN"] = FakeApis.TwilioAuthToken,
            ["TWILIO__WHATSAPPFROM"] = WebhookClient.WhatsAppFrom,
            ["TWILIO__PUBLICBASEURL"] = WebhookClient.PublicBaseUrl,
            ["DASHBOARD__PUBLICBASEURL"] = WebhookClient.PublicBaseUrl,
            ["TWILIO__APIBASEURL"] = api,
            // The highest the options allow (Twilio's account limit, not ours).
            ["TWILIO__MESSAGESPERSECOND"] = "1000",
        };
        foreach (var pair in extra)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            variables[pair[..split]] = pair[(split + 1)..];
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "ChatSurvey.Bot.dll");
        var process = await ChildProcess.StartAsync("bot", dll, [], variables, url, Path.Combine(Folder, "bot.log"), "/readyz");
        return await TargetAsync("bot", Own(process), redis, isBot: true);
    }

    private async Task<Target> StartFloorAsync()
    {
        var redis = Own(await RedisProcess.StartAsync());
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatSurvey.Load.dll");
        string[] args = ["floor", "--urls", url.ToString(), "--redis", redis.Endpoint, "--api", Fakes.BaseAddress.ToString(), "--telegram-secret", TelegramSecret];
        var process = await ChildProcess.StartAsync("floor", dll, args, new Dictionary<string, string>(), url, Path.Combine(Folder, "floor.log"), "/healthz");
        return await TargetAsync("floor", Own(process), redis, isBot: false);
    }

    private async Task<Target> TargetAsync(string name, ChildProcess process, RedisProcess redis, bool isBot)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},allowAdmin=true");
        _owned.Add(connection);
        return new Target(name, process, redis, connection, isBot);
    }

    private int PostgresPid() =>
        int.Parse(File.ReadLines(Path.Combine(Postgres.Folder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        // Children before the servers they use, so the bot does not log a storm of connection errors.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            try
            {
                await _owned[i].DisposeAsync();
            }
#pragma warning disable CA1031 // Cleaning up: one part failing to stop must not leave the others running.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Trace.TraceWarning($"stopping a part of the run failed: {e.Message}");
            }
        }

        Directory.Delete(Folder, recursive: true);
    }
}
