using System.Security.Cryptography;
using System.Text;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Channels.Voice;
using ChatSurvey.Bot.Channels.WebChat;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Health;
using ChatSurvey.Bot.Http;
using ChatSurvey.Bot.Observability;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Surveys;

namespace ChatSurvey.Bot;

/// <summary>The wiring of the whole host, so Program.cs reads as a list of parts.</summary>
public static partial class ChatSurveySetup
{
    public static WebApplicationBuilder AddChatSurvey(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        var survey = services.AddSurvey(configuration);
        var secret = PseudonymKey(builder);
        services.AddSingleton(new Pseudonymizer(secret));
        services.AddTrustedProxies(configuration);
        services.AddChatSurveyTelemetry(configuration);

        // Where conversations live (Redis, or in memory), the one turn pipeline over them, and the domain store behind.
        services.AddConversationState(configuration);
        services.AddTurnPipeline(configuration, survey);
        services.AddDomainStore(configuration);

        // The channels: each maps what arrives to an InboundMessage for the pipeline; those that push have a sender.
        services.AddWebChat(configuration, secret);
        services.AddTelegram(configuration);
        builder.AddTwilio();
        builder.AddVoice();

        builder.AddDashboard();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        return builder;
    }

    public static Task MigrateDomainStoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<SqlResponseStore>().MigrateAsync(CancellationToken.None);

    public static WebApplication MapChatSurvey(this WebApplication app)
    {
        app.MigrateDomainStoreAsync().GetAwaiter().GetResult();
        // Earlier survey versions, so conversations started on them finish on them.
        app.Services.GetRequiredService<SurveyArchive>().LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        app.UseTrustedProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<StoreUnavailableMiddleware>();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        // Prometheus scrapes here; metrics carry no personal data, but restrict the path at the proxy if exposed.
        app.MapPrometheusScrapingEndpoint();
        app.MapWebChat();
        app.MapTwilio().MapVoice();
        app.MapTelegram();
        app.MapDashboard();
        // A text a language lacks is spoken in the default language; staff see which ones here.
        foreach (var warning in app.Services.GetRequiredService<Domain.Conversations.CompiledSurvey>().Warnings)
        {
            LogSurveyWarning(app.Logger, warning);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Behind a proxy the listening address (http://[::]:8080) is not where people go: the public one is.
            var site = (app.Configuration["Dashboard:PublicBaseUrl"] is { Length: > 0 } configured ? configured : app.Urls.First()).TrimEnd('/');
            var listening = string.Join(", ", app.Urls);
            LogOpen(app.Logger, site + "/", site + "/staff", listening);
        });
        return app;
    }

    /// <summary>
    /// The pseudonym key from Privacy:PseudonymKey. Development may run without one (a fixed local key, with a
    /// warning); anywhere else a missing key stops startup, since pseudonyms made with a known key protect nobody.
    /// </summary>
    private static byte[] PseudonymKey(WebApplicationBuilder builder)
    {
        var key = builder.Configuration["Privacy:PseudonymKey"];
        if (!string.IsNullOrEmpty(key))
        {
            return Encoding.UTF8.GetBytes(key);
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Privacy:PseudonymKey is required outside Development (set PRIVACY__PSEUDONYMKEY to a long random secret).");
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes("chatsurvey-development-only"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey languages: {Warning}")]
    private static partial void LogSurveyWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "ChatSurvey is running: web chat at {Chat} and staff dashboard at {Dashboard} (listening on {Urls})")]
    private static partial void LogOpen(ILogger logger, string chat, string dashboard, string urls);
}
