using System.Security.Cryptography;
using System.Text;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Channels.Twilio;
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
        var configuration = builder.Configuration;
        var surveyOptions = configuration.GetSection("Survey").Get<SurveyOptions>() ?? new SurveyOptions();
        // Loaded eagerly: a broken survey file must stop startup, not the first conversation.
        var survey = SurveyFile.Load(surveyOptions);
        builder.Services.AddSingleton(survey);
        builder.Services.AddSingleton(surveyOptions);
        builder.Services.AddSingleton(new SurveyCatalog(survey));
        builder.Services.AddSingleton<SurveyArchive>();
        builder.Services.AddSingleton(InputLimits(configuration, survey));
        builder.Services.AddSingleton(TimeProvider.System);
        var secret = PseudonymKey(builder);
        builder.Services.AddSingleton(new Pseudonymizer(secret));
        builder.Services.AddTrustedProxies(configuration);
        builder.Services.AddWebChat(configuration, secret);

        builder.Services.AddChatSurveyTelemetry(configuration);
        builder.Services.AddConversationState(configuration);
        builder.Services.AddTelegram(configuration);

        var dialect = SqlDialect.For(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("ChatSurvey") ?? "Data Source=chatsurvey.db";
        // The tallies count days in the dashboard's offset and people as stopped after its silence.
        var dashboard = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var tallies = new Storage.Tallies.TallySettings(dashboard.UtcOffset, dashboard.StoppedAfter, TimeProvider.System);
        builder.Services.AddSingleton(new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect, tallies));
        builder.Services.AddHostedService<Storage.Tallies.SilenceCheck>();
        builder.Services.AddSingleton<DeadLetterStore>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddSingleton(configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions());
        builder.Services.AddHostedService<RetentionPurge>();
        builder.AddTwilio();
        builder.AddDashboard();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
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
        app.MapTwilio();
        app.MapTelegram();
        app.MapDashboard();
        // A text a language lacks is spoken in the default language; staff see which ones here.
        foreach (var warning in app.Services.GetRequiredService<Domain.Conversations.CompiledSurvey>().Warnings)
        {
            LogSurveyWarning(app.Logger, warning);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                LogOpen(app.Logger, url);
            }
        });
        return app;
    }

    /// <summary>The per-channel message limits, each longer than any answer the survey accepts (or startup stops, naming it).</summary>
    private static InputOptions InputLimits(ConfigurationManager configuration, Domain.Conversations.CompiledSurvey survey)
    {
        var options = configuration.GetSection(InputOptions.Section).Get<InputOptions>() ?? new InputOptions();
        var longest = survey.Definition.Questions.Where(q => q.Kind == Domain.Surveys.QuestionKind.Text).Select(q => q.MaxLength).DefaultIfEmpty(0).Max();
        foreach (var (channel, maxLength) in options.MaxLength)
        {
            if (maxLength <= longest)
            {
                throw new InvalidOperationException($"{InputOptions.Section}:MaxLength:{channel} is {maxLength}: it must be longer than the survey's longest text answer ({longest}), or long answers would be stored cut.");
            }
        }

        return options;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "ChatSurvey is running: open {Url}/ to answer the survey in the web chat")]
    private static partial void LogOpen(ILogger logger, string url);
}
