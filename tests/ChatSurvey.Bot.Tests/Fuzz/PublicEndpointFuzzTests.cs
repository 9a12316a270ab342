using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Channels.WebChat;
using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Telegram;
using ChatSurvey.Bot.Tests.Twilio;
using ChatSurvey.Bot.Tests.WebChat;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.Fuzz;

/// <summary>
/// Every public endpoint fed mutated recorded payloads and random bodies, from a fixed seed: Telegram updates (with the
/// secret), signed Twilio forms, web chat messages, sign-in forms and promoters' pages. Nothing may answer 5xx or drop
/// the connection, and the bot must work as before afterwards.
/// </summary>
public sealed class PublicEndpointFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261203;
    private const int Requests = 3000;

    [Fact]
    public async Task Fuzz_MutatedPayloadsOnEveryPublicEndpoint_No5xxAndTheBotStillWorks()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var twilio = await FakeTwilioApi.StartAsync();
        var settings = StaffAccounts.Settings();
        foreach (var (key, value) in TelegramTestBot.Settings(telegram).Concat(TwilioBot.Settings(twilio)))
        {
            settings[key] = value;
        }

        settings["Voice:From"] = Voice.VoiceBot.From;
        await using var host = await BotHost.StartAsync(settings);
        // Ten seconds is a hung request, not a slow one: a timeout fails the test as a dropped connection would.
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var mutator = new Mutator(new Random(Seed));
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var chat = new WebChatClient(http);
            await chat.Send("/start");
            await chat.Send("si");
            tokens.Add(chat.Token!);
        }

        var targets = new Func<Mutator, HttpRequestMessage>[]
        {
            m => TelegramUpdate(m),
            m => TwilioMessage(m, "/webhooks/twilio"),
            m => TwilioMessage(m, "/webhooks/twilio/status"),
            m => VoiceCall(m),
            m => WebChatMessage(m, tokens[m.Random.Next(tokens.Count)]),
            m => WebChatOpen(m),
            m => Anything(m),
        };
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Requests; i++)
        {
            using var request = targets[i % targets.Length](mutator);
            var what = $"#{i} {request.Method} {request.RequestUri}";
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{what}: {status}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{what}: {e.GetType().Name} {e.Message}");
            }

            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }

        output.WriteLine($"{Requests} requests, seed {Seed}; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n{string.Join('\n', failures.Take(20))}");

        // Still answering, on every channel.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        var after = new WebChatClient(http);
        await after.Send("/start");
        Assert.Contains("Pregunta 1 de 12", (await after.Send("si")).Replies[0].Text, StringComparison.Ordinal);
        using var update = await http.SendAsync(Telegram(TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), 880_000_001, "/start")));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await telegram.WaitAsync(api => api.Sent(880_000_001) is [var first, ..] ? first : null, "the Telegram reply after the fuzz");
        var call = new Dictionary<string, string> { ["CallSid"] = "CA" + new string('f', 32), ["AccountSid"] = FakeTwilioApi.AccountSid, ["From"] = "+529519999999", ["To"] = Voice.VoiceBot.From, ["Direction"] = "inbound" };
        using var callStart = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/voice") { Content = new FormUrlEncodedContent(call) };
        callStart.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(FakeTwilioApi.AuthToken, TwilioBot.PublicBaseUrl + "/webhooks/twilio/voice", call));
        using var answered = await http.SendAsync(callStart);
        Assert.Contains("Aviso de privacidad", Voice.VoiceTwiml.Parse(await answered.Content.ReadAsStringAsync()).Said, StringComparison.Ordinal);
    }

    private static HttpRequestMessage TelegramUpdate(Mutator m)
    {
        long update = TelegramTestBot.NextUpdateId();
        var chat = 880_000_100 + m.Random.Next(50);
        string[] recorded =
        [
            TelegramUpdates.Text(update, chat, m.Text()), TelegramUpdates.Text(update, chat, "si"), TelegramUpdates.StartDeepLink2016(update, chat, "radio_ixtlan"),
            TelegramUpdates.Photo(update, chat), TelegramUpdates.Voice(update, chat), TelegramUpdates.Location(update, chat), TelegramUpdates.EditedMessage(update, chat, "no"),
            TelegramUpdates.ChannelPost(update), TelegramUpdates.SupergroupCommand(update, -100 - chat, "/start"), TelegramUpdates.MyChatMember(update, chat, "member", "kicked"),
            TelegramUpdates.InlineCallback(update, chat, "a|q1|1"),
            TelegramUpdates.Callback(update, chat, 60, "a|q1|1", """{"inline_keyboard":[[{"text":"Sí","callback_data":"a|q1|1"}]]}"""),
        ];
        var body = recorded[m.Random.Next(recorded.Length)];
        return Telegram(m.Random.Next(8) == 0 ? body : m.Json(body));
    }

    private static HttpRequestMessage Telegram(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, TelegramTestBot.Secret);
        return request;
    }

    private static HttpRequestMessage TwilioMessage(Mutator m, string path)
    {
        var from = m.Random.Next(3) switch { 0 => $"whatsapp:+52155{m.Random.Next(10_000_000):D8}", 1 => $"+52155{m.Random.Next(10_000_000):D8}", _ => m.Text() };
        var sid = $"SM{m.Random.NextInt64():x32}";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["AccountSid"] = FakeTwilioApi.AccountSid, ["From"] = from, ["To"] = TwilioBot.WhatsAppFrom,
            ["Body"] = m.Text(), ["NumMedia"] = "0", ["MessageStatus"] = "delivered", ["ErrorCode"] = "",
        };
        var mutated = m.Random.Next(6) == 0 ? form : m.Form(form);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(mutated) };
        // Mostly signed, so the mutation reaches the handler; sometimes a forgery.
        var signature = m.Random.Next(10) == 0 ? Convert.ToBase64String(m.RandomBytes(20)) : TwilioSigner.Sign(FakeTwilioApi.AuthToken, TwilioBot.PublicBaseUrl + path, mutated);
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        return request;
    }

    /// <summary>A call's request: keys, speech and the action URL's step, mutated, signed for the URL as posted (as Twilio would).</summary>
    private static HttpRequestMessage VoiceCall(Mutator m)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = $"CA{m.Random.Next(20):x32}", ["AccountSid"] = FakeTwilioApi.AccountSid, ["From"] = $"+5295100000{m.Random.Next(20):D2}",
            ["To"] = Voice.VoiceBot.From, ["Direction"] = m.Random.Next(4) == 0 ? "outbound-api" : "inbound", ["CallStatus"] = "in-progress",
            ["Digits"] = m.Random.Next(2) == 0 ? m.Text() : "1234567890*#"[m.Random.Next(12)].ToString(), ["SpeechResult"] = m.Random.Next(3) == 0 ? m.Text() : "",
        };
        var mutated = m.Random.Next(6) == 0 ? form : m.Form(form);
        var path = m.Random.Next(5) == 0 ? "/webhooks/twilio/voice"
            : $"/webhooks/twilio/voice?n={m.Random.Next(-2, 60)}&a={m.Random.Next(-1, 4)}&p={m.Random.Next(-1, 5)}&s={Uri.EscapeDataString(m.Random.Next(3) == 0 ? m.Text() : "1.3")}&c={m.Random.Next(3)}";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(mutated) };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", TwilioSigner.Sign(FakeTwilioApi.AuthToken, TwilioBot.PublicBaseUrl + path, mutated));
        return request;
    }

    private static HttpRequestMessage WebChatMessage(Mutator m, string token)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new WebChatMessage($"fuzz-{m.Random.NextInt64():x16}", m.Text(), m.Random.Next(4) == 0 ? m.Text() : null), System.Text.Json.JsonSerializerOptions.Web);
        var target = m.Random.Next(8) == 0 ? m.Text() : token;
        var path = $"/api/chat/conversations/{Uri.EscapeDataString(target)}/messages";
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(m.Random.Next(3) == 0 ? m.Json(body) : body, Encoding.UTF8, "application/json") };
    }

    private static HttpRequestMessage WebChatOpen(Mutator m) =>
        new(HttpMethod.Post, "/api/chat/conversations") { Content = new ByteArrayContent(m.RandomBytes(m.Random.Next(0, 20_000))) };

    /// <summary>Random bodies and content types for the other public routes, and every route for random bytes.</summary>
    private static HttpRequestMessage Anything(Mutator m)
    {
        string[] paths = ["/staff/login", "/webhooks/telegram", "/webhooks/twilio", "/webhooks/twilio/voice", "/api/chat/conversations", $"/p/{Uri.EscapeDataString(m.Text())}", "/p/AAAAAAAAAAAAAAAAAAAAAA/poster", "/staff/login?returnUrl=" + Uri.EscapeDataString(m.Text())];
        string[] types = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json; charset=utf-7"];
        var path = paths[m.Random.Next(paths.Length)];
        if (m.Random.Next(3) == 0)
        {
            return new HttpRequestMessage(HttpMethod.Get, path);
        }

        var content = new ByteArrayContent(m.Random.Next(2) == 0 ? m.RandomBytes(m.Random.Next(0, 70_000)) : Encoding.UTF8.GetBytes(m.Json("""{"name":"ana","password":"x","returnUrl":"/staff"}""")));
        content.Headers.TryAddWithoutValidation("Content-Type", types[m.Random.Next(types.Length)]);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (path == "/webhooks/telegram")
        {
            request.Headers.Add(TelegramWebhook.SecretHeader, TelegramTestBot.Secret);
        }

        return request;
    }
}
