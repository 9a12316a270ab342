using ChatSurvey.Bot.Channels;
using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>Twilio's refusals, by kind, through the real library against the fake API.</summary>
public sealed class TwilioSenderTests
{
    [Fact]
    public async Task RateLimited429_WaitedOutByTheDispatcher_ArrivesOnce()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "whatsapp:+5215533330001";
        bot.Api.FailNext(person, (429, 20429));
        await bot.SendAsync(person, "Hola");

        var sent = await bot.ReceivedContainingAsync(person, "Aviso de privacidad");
        Assert.Single(sent);
        Assert.Single(bot.Api.Requests, r => r.Status == 429);
        var metrics = await bot.Host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.True(PrometheusText.Value(metrics, "chatsurvey_sender_throttled_total", "channel=\"whatsapp\"") >= 1, metrics);
    }

    [Fact]
    public async Task OutsideWhatsAppWindow63016_RecordedNotRetried_NotPending()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "whatsapp:+5215533330002";
        bot.Api.FailNext(person, (400, 63016));
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "si");

        // Question 1 arrives after the refused notice (order per person), and nothing is left to send again.
        await bot.ReceivedContainingAsync(person, "Pregunta 1 de 12");
        Assert.Single(bot.Api.Requests, r => r.ErrorCode == 63016);
        Assert.DoesNotContain(bot.Api.Accepted, r => r.Body.Contains("Aviso de privacidad", StringComparison.Ordinal));
        // The "sent" mark lands just after the fake API answered: wait for it rather than race it.
        await Infrastructure.Eventually.Get(
            () => bot.Host.Get<ISweepSource>().ClaimUnsentAsync(DateTimeOffset.UtcNow.AddDays(1), 100, CancellationToken.None),
            unsent => unsent.Count == 0,
            "nothing left pending");
    }

    [Fact]
    public async Task OptedOut21610_MarksUnreachable()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "+5219533330003";
        bot.Api.FailNext(person, (400, 21610));
        await bot.SendAsync(person, "Hola");

        await Infrastructure.Eventually.Get(() => bot.StateAsync(Channel.Sms, person), s => s.Unreachable, "the person to be marked unreachable");
        Assert.Empty(bot.Api.Accepted);
    }

    /// <summary>With the sweeper's re-send ten minutes away, only the prompt retry can deliver it.</summary>
    [Fact]
    public async Task ConnectionDroppedMidRequest_RetriedAtOnce_ArrivesOnce()
    {
        await using var bot = await TwilioBot.StartAsync(new Dictionary<string, string?> { ["Reminders:ResendAfter"] = "00:10:00" });
        const string person = "whatsapp:+5215533330006";
        bot.Api.DropNext(person, times: 1);
        await bot.SendAsync(person, "Hola");

        var sent = await bot.ReceivedContainingAsync(person, "Aviso de privacidad");
        Assert.Single(sent);
    }

    [Fact]
    public async Task ServerError500_RetriedAtOnce_ArrivesOnce()
    {
        await using var bot = await TwilioBot.StartAsync(new Dictionary<string, string?> { ["Reminders:ResendAfter"] = "00:10:00" });
        const string person = "whatsapp:+5215533330004";
        bot.Api.FailNext(person, (500, 20500));
        await bot.SendAsync(person, "Hola");

        var sent = await bot.ReceivedContainingAsync(person, "Aviso de privacidad");
        Assert.Single(sent);
        Assert.Single(bot.Api.Requests, r => r.Status == 500);
    }

    [Fact]
    public async Task ServerErrorPastTheRetries_StaysPending_SweeperSendsItAgain()
    {
        await using var bot = await TwilioBot.StartAsync(new Dictionary<string, string?>
        {
            ["Reminders:ResendAfter"] = "00:00:01",
            ["Reminders:Interval"] = "00:00:00.200",
        });
        const string person = "whatsapp:+5215533330007";
        bot.Api.FailNext(person, [.. Enumerable.Repeat((500, 20500), SendResilience.MaxRetries + 1)]);
        await bot.SendAsync(person, "Hola");

        var sent = await bot.ReceivedContainingAsync(person, "Aviso de privacidad");
        Assert.Single(sent);
        Assert.Equal(SendResilience.MaxRetries + 1, bot.Api.Requests.Count(r => r.Status == 500));
    }

    [Fact]
    public async Task WhatsAppReminderOutsideWindow_GoesAsTemplate()
    {
        await using var bot = await TwilioBot.StartAsync(new Dictionary<string, string?> { ["Twilio:WhatsAppTemplateContentSid"] = "HX00000000000000000000000000000001" });
        const string person = "whatsapp:+5215533330005";
        var sender = bot.Host.Get<IEnumerable<IChannelSender>>().Single(s => s.Channel == Channel.WhatsApp);
        var now = DateTimeOffset.UtcNow;
        var silent = ConversationState.Initial with { Stage = Stage.Asking, LastSeen = now.AddHours(-30).ToUnixTimeSeconds() };
        Assert.True(sender.CanRemind(silent, now));

        bot.Api.FailNext(person, (400, 63016));
        await sender.SendAsync(person["whatsapp:".Length..], [Reply.Plain(TestSurvey.Compiled.Texts("es").Reminder) with { Kind = ReplyKind.Reminder }, Reply.Plain("Pregunta 4 de 12")], CancellationToken.None);

        var template = Assert.Single(bot.Api.Accepted);
        Assert.Equal("HX00000000000000000000000000000001", template.ContentSid);
        Assert.Equal("", template.Body);
    }

    [Fact]
    public async Task CanRemind_WhatsAppOnlyInsideWindow_SmsUnlessUnreachable()
    {
        await using var bot = await TwilioBot.StartAsync();
        var senders = bot.Host.Get<IEnumerable<IChannelSender>>().ToDictionary(s => s.Channel);
        var now = DateTimeOffset.UtcNow;
        ConversationState SilentFor(double hours) => ConversationState.Initial with { Stage = Stage.Asking, LastSeen = now.AddHours(-hours).ToUnixTimeSeconds() };

        Assert.True(senders[Channel.WhatsApp].CanRemind(SilentFor(23), now));
        Assert.False(senders[Channel.WhatsApp].CanRemind(SilentFor(24), now));
        Assert.True(senders[Channel.Sms].CanRemind(SilentFor(72), now));
        Assert.False(senders[Channel.Sms].CanRemind(SilentFor(72) with { Unreachable = true }, now));
    }
}
