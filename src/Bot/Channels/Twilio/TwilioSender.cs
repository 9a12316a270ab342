using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Sends replies on "whatsapp" or "sms" (one instance each, sharing <see cref="TwilioApi"/>) through
/// MessageResource.CreateAsync. Twilio's refusals are handled by kind (<see cref="TwilioFailure"/>): returning normally
/// marks the replies sent, throwing leaves them pending for the sweeper. A failure after the first message of a
/// multi-message delivery re-sends the earlier ones too: at least once, never lost.
/// </summary>
public sealed class TwilioSender(
    string channel,
    TwilioApi api,
    TwilioRenderer renderer,
    IOptions<TwilioOptions> options,
    ConversationService conversations,
    CompiledSurvey survey,
    TwilioTelemetry telemetry,
    Observability.ChatSurveyTelemetry senders,
    TimeProvider time) : IChannelSender
{
    /// <summary>WhatsApp accepts free-form messages for 24 hours after the person's last message.</summary>
    public static readonly TimeSpan WhatsAppWindow = TimeSpan.FromHours(24);

    /// <summary>Reminders stop this long before the window closes: a reminder may wait in the queue, and clocks differ.</summary>
    public static readonly TimeSpan WindowMargin = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    public string Channel => channel;

    private TwilioOptions Settings => options.Value;

    /// <summary>
    /// SMS: whenever the person has not opted out. WhatsApp: inside the 24-hour window (minus a margin), or outside it
    /// when an approved template is configured, which then carries the reminder (see <see cref="SendAsync"/>).
    /// </summary>
    public bool CanRemind(ConversationState state, DateTimeOffset now) => !state.Unreachable && (channel == TwilioChannels.Sms
        || now.ToUnixTimeSeconds() - state.LastSeen < (WhatsAppWindow - WindowMargin).TotalSeconds
        || Settings.WhatsAppTemplateContentSid.Length > 0);

    public async Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var body in renderer.Render(channel, replies))
        {
            var failure = await CreateAsync(userId, body, contentSid: null, cancellationToken);
            switch (failure)
            {
                case TwilioFailure.OutsideWindow when IsReminder(replies) && Settings.WhatsAppTemplateContentSid.Length > 0:
                    // The window closed: the approved template says "your survey is waiting"; their answer reopens it.
                    await CreateAsync(userId, body: null, Settings.WhatsAppTemplateContentSid, cancellationToken);
                    return;
                case TwilioFailure.OutsideWindow:
                    // The rest would be refused the same way. Their next message (over 12 hours later, since the window
                    // is 24) gets "¿continuar o empezar de nuevo?" and then the question again.
                    return;
                case TwilioFailure.OptedOut:
                    await conversations.MarkUnreachableAsync(new ConversationKey(channel, userId), $"twilio-21610:{time.GetUtcNow().ToUnixTimeMilliseconds()}", "opted-out", cancellationToken);
                    return;
                default:
                    // Sent, or refused for this message only (a rejected body): the next one may still go.
                    break;
            }
        }
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
        var from = channel == TwilioChannels.WhatsApp ? Settings.WhatsAppFrom : Settings.SmsFrom;
        if (from.Length > 0)
        {
            message.From = new PhoneNumber(from);
        }

        if (Settings.MessagingServiceSid.Length > 0)
        {
            message.MessagingServiceSid = Settings.MessagingServiceSid;
        }

        for (var attempt = 0; ; attempt++)
        {
            await api.WaitTurnAsync(cancellationToken);
            try
            {
                await MessageResource.CreateAsync(message, api.Client);
                return null;
            }
            catch (ApiException e)
            {
                var failure = TwilioFailures.Classify(e);
                if (failure == TwilioFailure.RateLimited)
                {
                    senders.Throttled(channel);
                }

                if (failure == TwilioFailure.Transient || (failure == TwilioFailure.RateLimited && attempt == Backoff.Length))
                {
                    throw;
                }

                if (failure == TwilioFailure.RateLimited)
                {
                    // Jitter, so that many senders held back together do not come back together.
                    var delay = Backoff[attempt] * (0.8 + (Random.Shared.NextDouble() * 0.4));
                    await Task.Delay(delay, time, cancellationToken);
                    continue;
                }

                telemetry.SendFailed(channel, e.Code, e.Status, failure.ToString());
                return failure;
            }
        }
    }

    /// <summary>A reminder turn starts with the engine's reminder text, in any of the survey's languages.</summary>
    private bool IsReminder(IReadOnlyList<Reply> replies) =>
        replies.Count > 0 && survey.Languages.Any(language => replies[0].Text == survey.Texts(language).Reminder);
}
