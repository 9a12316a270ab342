using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Sends replies on WhatsApp or SMS (one instance each, sharing <see cref="TwilioApi"/>) through
/// MessageResource.CreateAsync, and says how it went. Twilio's refusals are handled by kind (<see cref="TwilioFailure"/>):
/// an opt-out makes the person unreachable; a transient failure throws (reported as failed, the replies stay pending).
/// A failure after the first message of a multi-message delivery re-sends the earlier ones too: at least once, never
/// lost.
/// </summary>
public sealed class TwilioSender(
    Channel channel,
    TwilioApi api,
    TwilioRenderer renderer,
    IOptions<TwilioOptions> options,
    TwilioTelemetry telemetry) : IChannelSender
{
    /// <summary>WhatsApp accepts free-form messages for 24 hours after the person's last message.</summary>
    public static readonly TimeSpan WhatsAppWindow = TimeSpan.FromHours(24);

    /// <summary>Reminders stop this long before the window closes: a reminder may wait in the queue, and clocks differ.</summary>
    public static readonly TimeSpan WindowMargin = TimeSpan.FromMinutes(30);

    public Channel Channel => channel;

    private TwilioOptions Settings => options.Value;

    /// <summary>
    /// SMS: whenever the person has not opted out. WhatsApp: inside the 24-hour window (minus a margin), or outside it
    /// when an approved template is configured, which then carries the reminder (see <see cref="SendAsync"/>).
    /// </summary>
    public bool CanRemind(ConversationState state, DateTimeOffset now) => !state.Unreachable && (channel == Channel.Sms
        || now.ToUnixTimeSeconds() - state.LastSeen < (WhatsAppWindow - WindowMargin).TotalSeconds
        || Settings.WhatsAppTemplateContentSid.Length > 0);

    public async Task<SendOutcome> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var body in renderer.Render(channel, replies))
        {
            var failure = await CreateAsync(userId, body, contentSid: null, cancellationToken);
            switch (failure)
            {
                case TwilioFailure.RateLimited:
                    // Twilio names no wait: a couple of seconds with jitter, so senders held back together spread out.
                    return SendOutcome.Later(TimeSpan.FromSeconds(1.5 + Random.Shared.NextDouble()));
                case TwilioFailure.OutsideWindow when replies[0].Kind == ReplyKind.Reminder && Settings.WhatsAppTemplateContentSid.Length > 0:
                    // The window closed: the approved template says "your survey is waiting"; their answer reopens it.
                    await CreateAsync(userId, body: null, Settings.WhatsAppTemplateContentSid, cancellationToken);
                    return SendOutcome.Sent;
                case TwilioFailure.OutsideWindow:
                    // Done with: the rest would be refused the same way. Their next message (over 12 hours later, since
                    // the window is 24) gets "¿continuar o empezar de nuevo?" and then the question again.
                    return SendOutcome.Sent;
                case TwilioFailure.OptedOut:
                    return SendOutcome.Unreachable("opted-out");
                default:
                    // Sent, or refused for this message only (a rejected body): the next one may still go.
                    break;
            }
        }

        return SendOutcome.Sent;
    }

    /// <summary>One message: null when Twilio accepted it, else why it refused it for good (transient failures throw).</summary>
    private async Task<TwilioFailure?> CreateAsync(string userId, string? body, string? contentSid, CancellationToken cancellationToken)
    {
        var message = new CreateMessageOptions(new PhoneNumber(TwilioChannels.Address(channel, userId)))
        {
            Body = body,
            ContentSid = contentSid,
            StatusCallback = new Uri(Settings.PublicBase + "/webhooks/twilio/status"),
        };
        var from = channel == Channel.WhatsApp ? Settings.WhatsAppFrom : Settings.SmsFrom;
        if (from.Length > 0)
        {
            message.From = new PhoneNumber(from);
        }

        if (Settings.MessagingServiceSid.Length > 0)
        {
            message.MessagingServiceSid = Settings.MessagingServiceSid;
        }

        await api.WaitTurnAsync(cancellationToken);
        try
        {
            await MessageResource.CreateAsync(message, api.Client);
            return null;
        }
        catch (ApiException e)
        {
            var failure = TwilioFailures.Classify(e);
            if (failure == TwilioFailure.Transient)
            {
                // Already retried by the HTTP client's policy (SendResilience): the replies stay pending.
                throw;
            }

            if (failure != TwilioFailure.RateLimited)
            {
                telemetry.SendFailed(channel, e.Code, e.Status, failure.ToString());
            }

            return failure;
        }
    }
}
