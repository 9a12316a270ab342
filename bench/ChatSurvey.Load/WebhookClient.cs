using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Twilio;

namespace ChatSurvey.Load;

/// <summary>The channels a simulated respondent may use; each respondent sticks to one.</summary>
internal enum Channel
{
    Telegram,
    WhatsApp,
}

/// <summary>
/// Posts a respondent's messages to a target's webhooks as the platforms do: Telegram updates with the secret header,
/// Twilio form posts signed (HMAC-SHA1) for the target's public URL. The same requests go to the bot and to the floor.
/// </summary>
internal sealed class WebhookClient(HttpClient http, string telegramSecret)
{
    public const string WhatsAppFrom = "whatsapp:+14155238886";

    private static long _updateId;

    /// <summary>Telegram starts with /start; a WhatsApp conversation with whatever the person writes first.</summary>
    public static IReadOnlyList<string> Script(Channel channel) => [channel == Channel.Telegram ? "/start" : "Hola", .. SurveyScript.Answers];

    /// <summary>Sends one message; true when the target answered 2xx.</summary>
    public async Task<bool> SendAsync(Uri target, Channel channel, long id, string text, CancellationToken cancellationToken)
    {
        using var request = channel == Channel.Telegram ? Telegram(target, id, text) : WhatsApp(target, id, text);
        using var response = await http.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private HttpRequestMessage Telegram(Uri target, long chat, string text)
    {
        var update = Interlocked.Increment(ref _updateId);
        var json = $$$"""{"update_id":{{{update}}},"message":{"message_id":{{{update % 1_000_000}}},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"Load","language_code":"es"},"chat":{"id":{{{chat}}},"first_name":"Load","type":"private"},"date":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"text":{{{JsonSerializer.Serialize(text)}}}}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "/webhooks/telegram"))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", telegramSecret);
        return request;
    }

    /// <summary>The public address targets are told they have (outside Development it must be https).</summary>
    public const string PublicBaseUrl = "https://bench.invalid";

    private static HttpRequestMessage WhatsApp(Uri target, long number, string text)
    {
        var sid = "SM" + Interlocked.Increment(ref _updateId).ToString("D32", CultureInfo.InvariantCulture);
        var from = "whatsapp:+" + number.ToString(CultureInfo.InvariantCulture);
        var form = new Dictionary<string, string>
        {
            ["SmsMessageSid"] = sid, ["SmsSid"] = sid, ["MessageSid"] = sid, ["AccountSid"] = FakeApis.TwilioAccountSid,
            ["From"] = from, ["To"] = WhatsAppFrom, ["Body"] = text, ["NumMedia"] = "0", ["NumSegments"] = "1",
            ["SmsStatus"] = "received", ["ApiVersion"] = "2010-04-01", ["ProfileName"] = "Load", ["WaId"] = from["whatsapp:+".Length..],
            ["MessageType"] = "text",
        };
        var url = new Uri(target, "/webhooks/twilio");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        // Twilio signs the public https address (the proxy's), which is not the one the request goes to here.
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(FakeApis.TwilioAuthToken, PublicBaseUrl + "/webhooks/twilio", form));
        return request;
    }
}
