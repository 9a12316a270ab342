using ChatSurvey.Bot.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>The survey by phone: on when Voice:From is set, on the Twilio account of section "Twilio".</summary>
public static class VoiceSetup
{
    public static WebApplicationBuilder AddVoice(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(VoiceOptions.Section);
        if (!(section.Get<VoiceOptions>() ?? new VoiceOptions()).IsConfigured)
        {
            return builder;
        }

        if (!(builder.Configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions()).IsConfigured)
        {
            throw new InvalidOperationException("Voice:From is set but Twilio is not: the voice channel needs Twilio:AccountSid, Twilio:AuthToken and Twilio:PublicBaseUrl.");
        }

        var services = builder.Services;
        services.AddOptions<VoiceOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>();
        services.AddSingleton<VoiceRenderer>();
        services.AddSingleton<VoiceTurns>();
        services.AddSingleton<CallBackBudget>();
        services.AddSingleton<VoiceCallBack>();
        return builder;
    }

    /// <summary>
    /// POST /webhooks/twilio/voice (a call's every request) and POST /webhooks/twilio/voice/status (call statuses), in
    /// <paramref name="twilio"/>, the Twilio group: its signature check and body limit apply. Nothing when voice is off.
    /// </summary>
    public static RouteGroupBuilder MapVoice(this RouteGroupBuilder twilio)
    {
        var services = ((IEndpointRouteBuilder)twilio).ServiceProvider;
        if (services.GetService<VoiceTurns>() is null)
        {
            return twilio;
        }

        twilio.MapPost("/voice", VoiceEndpoints.Receive);
        twilio.MapPost("/voice/status", VoiceEndpoints.ReceiveStatus);
        return twilio;
    }
}
