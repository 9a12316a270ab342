using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>WhatsApp and SMS through Twilio: on when Twilio:AccountSid is set, validated at startup.</summary>
public static class TwilioSetup
{
    /// <summary>A message webhook is a few kilobytes; ten media URLs and every field still fit many times over.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TwilioOptions.Section);
        var settings = section.Get<TwilioOptions>() ?? new TwilioOptions();
        if (!settings.IsConfigured)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<TwilioOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        services.AddSingleton<TwilioTelemetry>();
        var http = services.AddHttpClient(TwilioApi.HttpClientName, client => client.Timeout = TwilioApi.RequestTimeout).AddSendResilience();
        if (!string.IsNullOrEmpty(settings.ApiBaseUrl))
        {
            http.AddHttpMessageHandler(() => new TwilioApiRedirectHandler(new Uri(settings.ApiBaseUrl)));
        }

        services.AddSingleton<TwilioApi>();
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddSingleton(sp => new TwilioRenderer(settings.CompactSms, sp.GetRequiredService<CompiledSurvey>()));
        // A channel without a sender of its own still receives; its replies wait (logged) until one is configured.
        if (settings.WhatsAppFrom.Length > 0 || settings.MessagingServiceSid.Length > 0)
        {
            services.AddSingleton<IChannelSender>(sp => ActivatorUtilities.CreateInstance<TwilioSender>(sp, Channel.WhatsApp));
        }

        if (settings.SmsFrom.Length > 0 || settings.MessagingServiceSid.Length > 0)
        {
            services.AddSingleton<IChannelSender>(sp => ActivatorUtilities.CreateInstance<TwilioSender>(sp, Channel.Sms));
        }

        return builder;
    }

    /// <summary>
    /// POST /webhooks/twilio (messages, WhatsApp and SMS) and POST /webhooks/twilio/status (delivery statuses), both
    /// behind the signature check. When Twilio is not configured the group stays empty: the routes answer 404.
    /// </summary>
    public static RouteGroupBuilder MapTwilio(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/twilio");
        if (app.ServiceProvider.GetService<TwilioSignatureFilter>() is not { } signature)
        {
            return group;
        }

        // Twilio posts small urlencoded forms: anything larger or of another type is refused (413, 415) unread.
        group.WithMetadata(new Http.BodyLimit(MaxBodyBytes, "application/x-www-form-urlencoded"));
        // Forgeries are refused before anything else runs, including the handlers' parameter binding.
        group.AddEndpointFilter(signature);
        group.MapPost("", TwilioWebhookEndpoints.ReceiveMessage);
        group.MapPost("/status", TwilioWebhookEndpoints.ReceiveStatus);
        return group;
    }
}
