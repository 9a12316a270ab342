namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>One bot and fake Bot API per test class; tests keep apart by using their own chats.</summary>
public sealed class TelegramBotFixture : IAsyncLifetime
{
    private TelegramTestBot? _bot;

    public TelegramTestBot Bot => _bot ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _bot = await TelegramTestBot.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }
}
