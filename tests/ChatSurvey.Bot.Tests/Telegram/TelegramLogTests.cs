using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramLogTests
{
    /// <summary>
    /// At the default level (Information) a reply used to log five lines: four from the HTTP client factory with the
    /// Bot API URL, which holds the bot's token, and Polly's attempt. A conversation now logs nothing per message.
    /// </summary>
    [Fact]
    public async Task Replies_AtInformationLevel_NoLinePerSendAndNeverTheToken()
    {
        var logs = new RecordingLoggerProvider();
        await using var bot = await TelegramTestBot.StartAsync(customize: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        });
        var chat = bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        await chat.Type("si", "Pregunta 1 de 12");

        Assert.True(bot.Api.Calls("sendMessage").Count(c => c.ChatId == chat.Id) >= 2);
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(FakeTelegramApi.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) || l.Category.StartsWith("Polly", StringComparison.Ordinal));
    }
}
