using System.Text;
using ChatSurvey.Bot.Channels.Voice;
using ChatSurvey.Bot.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// The two Twilio webhooks, behind <see cref="TwilioSignatureFilter"/>. Inbound messages commit one turn and are
/// answered at once with an empty TwiML document; the replies go out through the REST API from the dispatcher, so
/// Twilio's 15-second webhook timeout never depends on sending.
/// </summary>
public static class TwilioWebhookEndpoints
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public static ContentHttpResult Empty() => TypedResults.Content(EmptyTwiml, "text/xml", Encoding.UTF8);

    /// <param name="callBack">Present when the voice channel is on: "llamar" then asks for a phone call.</param>
    public static async Task<ContentHttpResult> ReceiveMessage(
        HttpRequest request, ConversationService conversations, TwilioTelemetry telemetry, [FromServices] VoiceCallBack? callBack, CancellationToken cancellationToken)
    {
        // Read (and cached) by the signature filter already.
        var inbound = TwilioInboundMapper.Map(await request.ReadFormAsync(cancellationToken));
        switch (inbound.Action)
        {
            case TwilioInboundAction.Ignore:
                // 200 all the same: an error would only make Twilio retry something we will never handle.
                telemetry.Ignored("no MessageSid or a sender address that is neither WhatsApp nor a phone number");
                return Empty();
            case TwilioInboundAction.OptOut:
                telemetry.OptOut(inbound.Key.Channel);
                await conversations.MarkUnreachableAsync(new InboundMessage(inbound.Key, inbound.MessageId, inbound.Input), "sms-opt-out", cancellationToken);
                return Empty();
        }

        if (inbound.Referral.Count > 0)
        {
            telemetry.Referral(inbound.Key.Channel, inbound.Referral);
        }

        var message = new InboundMessage(inbound.Key, inbound.MessageId, inbound.Input);
        if (callBack is not null && callBack.IsRequest(inbound.Input))
        {
            await callBack.RequestAsync(message, cancellationToken);
            return Empty();
        }

        // A redelivered MessageSid changes nothing; its replies go out again only if they are still pending.
        await conversations.HandleAsync(message, cancellationToken);

        return Empty();
    }

    public static async Task<ContentHttpResult> ReceiveStatus(HttpRequest request, TwilioTelemetry telemetry, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var to = form["To"].ToString();
        var channel = to.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        var errorCode = form["ErrorCode"].ToString();
        telemetry.Status(channel, form["MessageSid"].ToString(), form["MessageStatus"].ToString(), errorCode.Length == 0 ? null : errorCode);
        return Empty();
    }
}
