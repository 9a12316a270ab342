using ChatSurvey.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramBlockedTests
{
    [Fact]
    public async Task Send_BotBlockedByUser_MarkedUnreachableAndSweeperSendsNoReminder()
    {
        // Reminders fall due at once; the sweeper passes by itself only at start-up, then when the test says so.
        await using var bot = await TelegramTestBot.StartAsync(new Dictionary<string, string?>
        {
            ["Reminders:After"] = "00:00:00",
            ["Reminders:Interval"] = "01:00:00",
        });
        var blocked = bot.NewChat();
        var active = bot.NewChat();
        bot.Api.Fail("sendMessage", blocked.Id, times: int.MaxValue, 403, "Forbidden: bot was blocked by the user");

        await blocked.Type("/start");
        await bot.Api.WaitAsync(api => api.Calls("sendMessage").FirstOrDefault(c => c.ChatId == blocked.Id), "the refused send");
        await Infrastructure.Eventually.Get(() => bot.ConversationAsync(blocked.Id), c => c.State.Unreachable, "the blocked person marked unreachable");
        var attempts = bot.Api.Calls("sendMessage").Count(c => c.ChatId == blocked.Id);
        await active.Type("/start", "Aviso de privacidad");

        var sweeper = bot.Host.Services.GetServices<IHostedService>().OfType<ConversationSweeper>().Single();
        await sweeper.SweepOnceAsync(CancellationToken.None);

        // The sweep reminded the person who can be reached, and only recorded the blocked one as done.
        await active.WaitFor(1, "Hola de nuevo");
        Assert.Equal(attempts, bot.Api.Calls("sendMessage").Count(c => c.ChatId == blocked.Id));
        Assert.True((await bot.ConversationAsync(blocked.Id)).State.Reminded);
    }
}
