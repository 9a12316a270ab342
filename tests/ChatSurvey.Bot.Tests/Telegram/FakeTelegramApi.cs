using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>
/// A Bot API server on 127.0.0.1 that answers <c>POST /bot{token}/{method}</c> as Telegram does
/// (<c>{"ok":true,"result":…}</c>), records every call with its JSON parameters, keeps each sent message's keyboard
/// (so editing it to the same markup fails with "message is not modified", as on Telegram), serves getUpdates from a
/// queue, and can be scripted to fail calls (429 with retry_after, 403 blocked).
/// </summary>
public sealed partial class FakeTelegramApi : IAsyncDisposable
{
    public const string Token = "123456789:TEST-fake_token";
    public const string BotUsername = "ChatSurveyTestBot";

    /// <summary>A scripted failure that is no answer at all: the connection is cut.</summary>
    private const int DroppedConnection = 0;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeTelegramCall> _calls = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<Failure> _failures = [];
    private readonly List<(int Id, JsonObject Update)> _updates = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextMessageId = 100;

    private FakeTelegramApi(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public static async Task<FakeTelegramApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeTelegramApi? fake = null;
        app.Run(context => fake!.HandleAsync(context));
        await app.StartAsync();
        fake = new FakeTelegramApi(app);
        return fake;
    }

    public IReadOnlyList<FakeTelegramCall> Calls(string method)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Method == method)];
        }
    }

    /// <summary>Messages delivered to <paramref name="chatId"/>, oldest first, with their keyboards as they are now.</summary>
    public IReadOnlyList<SentMessage> Sent(long chatId)
    {
        lock (_gate)
        {
            return [.. _sent.Where(m => m.ChatId == chatId)];
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> to <paramref name="chatId"/> fail like Telegram would.</summary>
    public void Fail(string method, long chatId, int times, int code, string description, int? retryAfter = null)
    {
        lock (_gate)
        {
            _failures.Add(new Failure(method, chatId, code, description, retryAfter) { Remaining = times });
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> to <paramref name="chatId"/> lose their connection before any answer.</summary>
    public void Drop(string method, long chatId, int times) => Fail(method, chatId, times, DroppedConnection, "");

    /// <summary>Queues an update for getUpdates (polling mode).</summary>
    public void Enqueue(string updateJson)
    {
        var update = JsonNode.Parse(updateJson)!.AsObject();
        lock (_gate)
        {
            _updates.Add((update["update_id"]!.GetValue<int>(), update));
        }

        Signal();
    }

    /// <summary>Waits until <paramref name="read"/> finds something, failing after a generous limit (never a timing assertion).</summary>
    public async Task<T> WaitAsync<T>(Func<FakeTelegramApi, T?> read, string what, int timeoutSeconds = 20)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (read(this) is { } value)
            {
                return value;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Gave up after {timeoutSeconds} s waiting for {what}.");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private sealed record Failure(string Method, long ChatId, int Code, string Description, int? RetryAfter)
    {
        public int Remaining { get; set; }
    }
}
