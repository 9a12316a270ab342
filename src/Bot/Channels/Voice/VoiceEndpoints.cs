using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Twilio.TwiML;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// The voice webhooks, in the Twilio group behind its signature check: every request of a call (the call's start and
/// each Gather's action) is answered with the TwiML of what comes next, so the replies travel in the response, as in the
/// web chat. Call statuses are counted (minutes are what the channel costs).
/// </summary>
public static class VoiceEndpoints
{
    public static async Task<ContentHttpResult> Receive(HttpRequest request, VoiceTurns turns, CancellationToken cancellationToken)
    {
        // Read (and cached) by the signature filter already.
        var call = VoiceCallMapper.Map(await request.ReadFormAsync(cancellationToken), request.Query);
        return Twiml(await turns.HandleAsync(call, cancellationToken));
    }

    public static async Task<ContentHttpResult> ReceiveStatus(HttpRequest request, Twilio.TwilioTelemetry telemetry, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var seconds = int.TryParse(form["CallDuration"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var duration) ? duration : 0;
        telemetry.CallStatus(form["CallStatus"].ToString(), form["Direction"].ToString(), seconds);
        return Twiml(new VoiceResponse());
    }

    private static ContentHttpResult Twiml(VoiceResponse response) =>
        TypedResults.Content(response.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), "text/xml", Encoding.UTF8);
}
