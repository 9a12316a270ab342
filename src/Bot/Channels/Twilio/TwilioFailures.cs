using Twilio.Exceptions;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>Classifies <see cref="ApiException"/>s from the REST client.</summary>
public static class TwilioFailures
{
    public const int TooManyRequests = 20429;
    public const int OutsideWhatsAppWindow = 63016;
    public const int Unsubscribed = 21610;

    public static TwilioFailure Classify(ApiException exception) => exception switch
    {
        { Status: 429 } or { Code: TooManyRequests } => TwilioFailure.RateLimited,
        { Code: OutsideWhatsAppWindow } => TwilioFailure.OutsideWindow,
        { Code: Unsubscribed } => TwilioFailure.OptedOut,
        { Status: >= 400 and < 500 } => TwilioFailure.Permanent,
        _ => TwilioFailure.Transient,
    };
}
