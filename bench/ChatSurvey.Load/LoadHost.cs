using ChatSurvey.Bot;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Load;

/// <summary>The real bot in this process, on a loopback port, with a throwaway SQLite file.</summary>
internal sealed class LoadHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private LoadHost(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    public Uri BaseAddress => new(_app.Urls.First());

    public IServiceProvider Services => _app.Services;

    public static async Task<LoadHost> StartAsync(string? redis)
    {
        var folder = Directory.CreateTempSubdirectory("chatsurvey-load-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatSurvey"] = $"Data Source={Path.Combine(folder, "load.db")}",
            ["Privacy:PseudonymKey"] = "load-test",
            ["Redis:Configuration"] = redis,
            // The run measures turns, not the web chat's door: no proof of work, no limits from one address.
            ["WebChat:ProofOfWork:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(TestLimits.Unthrottled);
        builder.AddChatSurvey();
        var app = builder.Build();
        app.MapChatSurvey();
        await app.StartAsync();
        return new LoadHost(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
