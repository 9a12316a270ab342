using System.Text;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>The real bot in webhook mode, its Telegram.Bot client pointed at a <see cref="FakeTelegramApi"/>.</summary>
public sealed class TelegramTestBot : IAsyncDisposable
{
    public const string Secret = "test-secret_0123-abc";
    private static long _nextUpdate = 500_000;
    private static long _nextChat = 700_000_000;

    private TelegramTestBot(FakeTelegramApi api, BotHost host)
    {
        Api = api;
        Host = host;
    }

    public FakeTelegramApi Api { get; }

    public BotHost Host { get; }

    public static async Task<TelegramTestBot> StartAsync(IDictionary<string, string?>? settings = null, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? customize = null)
    {
        var api = await FakeTelegramApi.StartAsync();
        var all = Settings(api);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        try
        {
            return new TelegramTestBot(api, await BotHost.StartAsync(all, customize: customize));
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Telegram channel in webhook mode, against <paramref name="api"/>.</summary>
    public static Dictionary<string, string?> Settings(FakeTelegramApi api) => new()
    {
        ["Telegram:BotToken"] = FakeTelegramApi.Token,
        ["Telegram:WebhookSecret"] = Secret,
        ["Telegram:ApiBaseUrl"] = api.BaseAddress.ToString(),
        ["Telegram:BotUsername"] = FakeTelegramApi.BotUsername,
        // Whole surveys in seconds: Telegram's real one message per second per chat would make each take a minute.
        ["Telegram:PerChatPerSecond"] = "1000",
        ["Telegram:PerChatBurst"] = "1000",
        ["Telegram:GlobalPerSecond"] = "1000",
    };

    public static long NextUpdateId() => Interlocked.Increment(ref _nextUpdate);

    public TelegramChat NewChat() => new(this, Interlocked.Increment(ref _nextChat));

    public async Task<HttpResponseMessage> PostAsync(string json, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        }

        return await Host.Client.SendAsync(request);
    }

    public async Task<StoredConversation> ConversationAsync(long chatId) =>
        await Host.Get<IConversationStore>().LoadAsync(new ConversationKey(Channel.Telegram, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
