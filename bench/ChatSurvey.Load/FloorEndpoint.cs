using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatSurvey.Load;

/// <summary>
/// The floor of any Redis-backed webhook bot: per message, one Redis round trip (a script that stores the text and
/// counts the turn) and one HTTP reply to the platform's API, nothing else (no engine, no signature check, no outbox,
/// no telemetry). It takes the same webhook requests as the bot and replies to the same fake APIs, in a process of
/// its own, so the bot's throughput and CPU per turn can be given as ratios to it.
/// </summary>
internal static class FloorEndpoint
{
    private const string Script = "redis.call('HSET', KEYS[1], 'last', ARGV[1]) return redis.call('HINCRBY', KEYS[1], 'turn', 1)";

    /// <summary>About the length of one of the bot's questions, so the reply's bytes on the wire are comparable.</summary>
    private static readonly string ReplyText = string.Concat(Enumerable.Repeat("Pregunta siguiente del formulario. ", 9));

    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    /// <summary>Runs until killed: `ChatSurvey.Load floor --urls … --redis … --api … --telegram-secret …`.</summary>
    public static async Task RunAsync(Func<string, string> option)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(option("--urls"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var redis = await ConnectionMultiplexer.ConnectAsync(option("--redis"));
        var db = redis.GetDatabase();
        var api = new Uri(option("--api"));
        var secret = option("--telegram-secret");
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = api };
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeApis.TwilioAccountSid}:{FakeApis.TwilioAuthToken}")));
        var sendMessage = new Uri($"/bot{FakeApis.TelegramToken}/sendMessage", UriKind.Relative);
        var createMessage = new Uri($"/2010-04-01/Accounts/{FakeApis.TwilioAccountSid}/Messages.json", UriKind.Relative);

        app.MapGet("/healthz", () => "alive");
        app.MapPost("/webhooks/telegram", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            if (request.Headers["X-Telegram-Bot-Api-Secret-Token"] != secret)
            {
                return Results.StatusCode(403);
            }

            using var update = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var message = update.RootElement.GetProperty("message");
            var chat = message.GetProperty("chat").GetProperty("id").GetInt64();
            var turn = (long)await db.ScriptEvaluateAsync(Script, [$"floor:t:{chat}"], [message.GetProperty("text").GetString()]);
            var json = $$"""{"chat_id":{{chat}},"text":{{JsonSerializer.Serialize($"{turn}. {ReplyText}")}}}""";
            using var reply = await http.PostAsync(sendMessage, new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
            reply.EnsureSuccessStatusCode();
            return Results.Ok();
        });
        app.MapPost("/webhooks/twilio", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var from = form["From"].ToString();
            var turn = (long)await db.ScriptEvaluateAsync(Script, [$"floor:w:{from}"], [form["Body"].ToString()]);
            using var create = new HttpRequestMessage(HttpMethod.Post, createMessage)
            {
                Content = new FormUrlEncodedContent([new("To", from), new("From", WebhookClient.WhatsAppFrom), new("Body", $"{turn}. {ReplyText}")]),
            };
            create.Headers.Authorization = basic;
            using var reply = await http.SendAsync(create, cancellationToken);
            reply.EnsureSuccessStatusCode();
            return Results.Content(EmptyTwiml, "text/xml", Encoding.UTF8);
        });
        await app.RunAsync();
    }
}
