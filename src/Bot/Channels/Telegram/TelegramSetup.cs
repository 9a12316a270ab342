using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>The Telegram channel's wiring: nothing at all in mode Off, the webhook or the poller otherwise.</summary>
public static class TelegramSetup
{
    private const string HttpClientName = "telegram";

    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.Section);
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        var settings = section.Get<TelegramOptions>() ?? new TelegramOptions();
        var mode = settings.EffectiveMode;
        if (mode == TelegramMode.Off)
        {
            return services;
        }

        services.AddHttpClient(HttpClientName).AddSendResilience();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            // RetryThreshold 0: the library would otherwise sleep through a 429 inside the call; the dispatcher waits instead.
            return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken!, baseUrl) { RetryThreshold = 0 }, http);
        });
        services.AddSingleton(sp => new TelegramRateLimits(sp.GetRequiredService<IOptions<TelegramOptions>>().Value));
        services.AddSingleton<TelegramApi>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddSingleton<TelegramMetrics>();
        services.AddSingleton<TelegramBackgroundCalls>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramBackgroundCalls>());
        services.AddSingleton<TelegramUpdateHandler>();
        if (mode == TelegramMode.Polling)
        {
            services.AddHostedService<TelegramPolling>();
        }
        else if (settings.RegisterWebhook)
        {
            services.AddHostedService<TelegramWebhookRegistration>();
        }

        return services;
    }

    /// <summary>POST /webhooks/telegram in mode Webhook; an empty group otherwise.</summary>
    public static RouteGroupBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TelegramWebhookRegistration.Path);
        // Reading the options validates them: a broken Telegram configuration stops startup here.
        if (app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.EffectiveMode == TelegramMode.Webhook)
        {
            group.MapPost("", TelegramWebhook.ReceiveAsync).WithMetadata(new Http.BodyLimit(TelegramWebhook.MaxBodyBytes));
        }

        return group;
    }
}
