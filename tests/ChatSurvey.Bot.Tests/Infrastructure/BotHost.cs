using ChatSurvey.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>The real bot on Kestrel at a free 127.0.0.1 port, with its own SQLite file in a temporary folder.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, string folder)
    {
        _app = app;
        Folder = folder;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "chatsurvey.db");

    public IServiceProvider Services => _app.Services;

    /// <param name="environment">Development unless a test is about what differs in production (cookies, HSTS).</param>
    /// <param name="customize">Runs on the builder before the bot's own wiring (a test that watches configuration reads).</param>
    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, string environment = "Development", Action<WebApplicationBuilder>? customize = null)
    {
        var folder = Directory.CreateTempSubdirectory("chatsurvey-test-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatSurvey"] = $"Data Source={Path.Combine(folder, "chatsurvey.db")}",
            ["Privacy:PseudonymKey"] = "test-key",
        });
        builder.Configuration.AddInMemoryCollection(TestLimits.Unthrottled);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        customize?.Invoke(builder);
        builder.AddChatSurvey();
        var app = builder.Build();
        app.MapChatSurvey();
        await app.StartAsync();
        return new BotHost(app, folder);
    }

    /// <summary>The rows of a query on this host's SQLite domain store, every value as text ("" for NULL).</summary>
    public async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i))]);
        }

        return rows;
    }

    /// <summary>A promoter as staff would create it, so that links with its code credit it.</summary>
    public async Task AddPromoterAsync(string code) =>
        await Get<global::ChatSurvey.Bot.Dashboard.Promoters.PromoterStore>().CreateAsync(code, $"Promotor {code}", "Pruebas", default);

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
