using System.Net;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>
/// The real bot with Twilio configured against <see cref="FakeTwilioApi"/>, as a TLS-terminating proxy would see it:
/// requests arrive at http://127.0.0.1:port while Twilio signs for <see cref="PublicBaseUrl"/>.
/// </summary>
public sealed class TwilioBot : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://public.example";
    public const string WhatsAppFrom = "whatsapp:+14155238886";
    public const string SmsFrom = "+19515550100";
    private int _sequence;

    private TwilioBot(FakeTwilioApi api, BotHost host)
    {
        Api = api;
        Host = host;
    }

    public FakeTwilioApi Api { get; }

    public BotHost Host { get; }

    public static async Task<TwilioBot> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var api = await FakeTwilioApi.StartAsync();
        var settings = Settings(api);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new TwilioBot(api, await BotHost.StartAsync(settings));
    }

    /// <summary>WhatsApp and SMS through Twilio, against <paramref name="api"/>.</summary>
    public static Dictionary<string, string?> Settings(FakeTwilioApi api) => new()
    {
        ["Twilio:AccountSid"] = FakeTwilioApi.AccountSid,
        ["Twilio:AuthToken"] = FakeTwilioApi.AuthToken,
        ["Twilio:WhatsAppFrom"] = WhatsAppFrom,
        ["Twilio:SmsFrom"] = SmsFrom,
        ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
        ["Twilio:MessagesPerSecond"] = "100",
    };

    /// <summary>An inbound message as Twilio posts it: "whatsapp:+52…" or "+52…" in From.</summary>
    public Dictionary<string, string> Message(string from, string body, string? messageSid = null)
    {
        var sid = messageSid ?? $"SM{Interlocked.Increment(ref _sequence):D32}";
        var whatsApp = from.StartsWith("whatsapp:", StringComparison.Ordinal);
        var form = new Dictionary<string, string>
        {
            ["SmsMessageSid"] = sid, ["SmsSid"] = sid, ["MessageSid"] = sid, ["AccountSid"] = FakeTwilioApi.AccountSid,
            ["From"] = from, ["To"] = whatsApp ? WhatsAppFrom : SmsFrom, ["Body"] = body, ["NumMedia"] = "0",
            ["NumSegments"] = "1", ["SmsStatus"] = "received", ["ApiVersion"] = "2010-04-01",
        };
        if (whatsApp)
        {
            form["ProfileName"] = "José Núñez";
            form["WaId"] = from["whatsapp:+".Length..];
            form["MessageType"] = "text";
        }

        return form;
    }

    /// <summary>Posts <paramref name="form"/> to the webhook, signed for the public URL unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostAsync(
        IDictionary<string, string> form, string path = "/webhooks/twilio", string? signedUrl = null, string? signature = null, Action<HttpRequestMessage>? adjust = null)
    {
        var url = signedUrl ?? PublicBaseUrl + path;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSigner.Sign(FakeTwilioApi.AuthToken, url, form));
        adjust?.Invoke(request);
        return await Host.Client.SendAsync(request);
    }

    /// <summary>Sends a text and checks it was accepted with an empty TwiML answer.</summary>
    public async Task SendAsync(string from, string body, string? messageSid = null)
    {
        using var response = await PostAsync(Message(from, body, messageSid));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("<Response/>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Waits until <paramref name="to"/> has received a message matching <paramref name="done"/>; returns all it received.</summary>
    public Task<IReadOnlyList<FakeTwilioRequest>> ReceivedAsync(string to, Func<IReadOnlyList<FakeTwilioRequest>, bool> done, string what) =>
        Eventually.Get(() => Task.FromResult(Api.AcceptedTo(to)), done, what);

    public Task<IReadOnlyList<FakeTwilioRequest>> ReceivedContainingAsync(string to, string text) =>
        ReceivedAsync(to, m => m.Any(r => r.Body.Contains(text, StringComparison.Ordinal)), $"a message to {to} containing \"{text}\"");

    /// <summary>The one response in the domain store, once the outbox worker wrote it: its channel and promoter ("" for none).</summary>
    public async Task<string[]> StoredResponseAsync()
    {
        var rows = await Eventually.Get(() => Host.QueryAsync("SELECT channel, COALESCE(promoter, '') FROM responses"), r => r.Count > 0, "the response in SQLite");
        return Assert.Single(rows);
    }

    /// <summary>The stored answer values as "question|row|rank|option|text", in order.</summary>
    public async Task<List<string>> AnswerValuesAsync() =>
        [.. (await Host.QueryAsync("SELECT question, COALESCE(row_code, ''), COALESCE(CAST(rank AS TEXT), ''), COALESCE(option_code, ''), COALESCE(text, '') FROM answer_values ORDER BY seq"))
            .Select(v => string.Join('|', v))];

    public Task<StoredConversation> ConversationAsync(Channel channel, string number) =>
        Host.Get<IConversationStore>().LoadAsync(new ConversationKey(channel, number), CancellationToken.None);

    public async Task<ConversationState> StateAsync(Channel channel, string number) => (await ConversationAsync(channel, number)).State;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
