using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Load;

/// <summary>
/// Telegram's Bot API (sendMessage; any other method answers true) and Twilio's Messages API on 127.0.0.1, as far as
/// the bot's libraries and the floor need them: each reply is acknowledged at once and counted in the recipient's
/// <see cref="Inbox"/> (Telegram by chat_id, Twilio by the digits of To). Lean on purpose, unlike the tests' fakes that
/// record every call: this runs in the harness process, whose CPU is taken from the bot on a 2-core machine.
/// </summary>
internal sealed class FakeApis : IAsyncDisposable
{
    public const string TelegramToken = "123456789:LOAD-fake_token";
    public const string TwilioAccountSid = "AC00000000000000000000000000000042";
    public const string TwilioAuthToken = "load-auth-token";

    private const string TwilioReply =
        """{"account_sid":"__ACCOUNT__","api_version":"2010-04-01","body":"","date_created":"Thu, 30 Jul 2015 20:12:31 +0000","date_updated":"Thu, 30 Jul 2015 20:12:31 +0000","direction":"outbound-api","from":"+19515550100","num_media":"0","num_segments":"1","sid":"SM__SID__","status":"queued","to":"__TO__","uri":"/2010-04-01/Accounts/__ACCOUNT__/Messages/SM__SID__.json"}""";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, Inbox> _inboxes = new();
    private readonly string _telegramPrefix = $"/bot{TelegramToken}/";
    private readonly string _twilioPath = $"/2010-04-01/Accounts/{TwilioAccountSid}/Messages.json";
    private long _messages;
    private long _unmatched;

    private FakeApis(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Replies received in all, and those for nobody registered (warm-up leftovers, or a bug).</summary>
    public (long Messages, long Unmatched) Counts => (Interlocked.Read(ref _messages), Interlocked.Read(ref _unmatched));

    public static async Task<FakeApis> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeApis(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public Inbox Register(long id) => _inboxes[id] = new Inbox();

    public void Unregister(long id) => _inboxes.TryRemove(id, out _);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(_telegramPrefix, StringComparison.Ordinal))
        {
            await TelegramAsync(context, path[_telegramPrefix.Length..]);
        }
        else if (path == _twilioPath)
        {
            await TwilioAsync(context);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task TelegramAsync(HttpContext context, string method)
    {
        context.Response.ContentType = "application/json";
        if (method != "sendMessage")
        {
            await context.Response.WriteAsync("""{"ok":true,"result":true}""");
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var chat = body.RootElement.GetProperty("chat_id");
        var chatId = chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString()!, CultureInfo.InvariantCulture);
        var messageId = Arrived(chatId);
        // A Message as Telegram returns it: the library reads it, the bot does not use it.
        await context.Response.WriteAsync(
            $$$"""{"ok":true,"result":{"message_id":{{{messageId % int.MaxValue}}},"date":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"chat":{"id":{{{chatId}}},"type":"private","first_name":"L"},"text":"ok"}}""");
    }

    private async Task TwilioAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var to = form["To"].ToString();
        var digits = to[(to.IndexOf('+', StringComparison.Ordinal) + 1)..];
        var messageId = Arrived(long.Parse(digits, CultureInfo.InvariantCulture));
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        var reply = new StringBuilder(TwilioReply)
            .Replace("__ACCOUNT__", TwilioAccountSid)
            .Replace("__SID__", messageId.ToString("D32", CultureInfo.InvariantCulture))
            .Replace("__TO__", to);
        await context.Response.WriteAsync(reply.ToString());
    }

    private long Arrived(long recipient)
    {
        var id = Interlocked.Increment(ref _messages);
        if (_inboxes.TryGetValue(recipient, out var inbox))
        {
            inbox.Arrived();
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }

        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
