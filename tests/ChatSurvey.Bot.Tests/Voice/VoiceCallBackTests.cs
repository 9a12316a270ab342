using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Twilio;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>"llamar" on SMS or WhatsApp: one call through the REST API, within the budget, answered at the voice webhook.</summary>
public sealed class VoiceCallBackTests
{
    [Fact]
    public async Task Llamar_OnSms_OneCallPlacedAndTheCallStartsTheSurvey()
    {
        await using var bot = await VoiceBot.StartAsync();
        const string person = "+529511260001";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "Llámame", messageSid: "SM00000000000000000000000000000llamar");

        await bot.ReceivedContainingAsync(person, "Te llamamos en un momento");
        var call = Assert.Single(bot.Api.Calls);
        Assert.Equal((person, VoiceBot.From), (call.To, call.From));
        Assert.Equal(TwilioBot.PublicBaseUrl + VoicePhone.Path, call.Url);
        Assert.Equal(TwilioBot.PublicBaseUrl + VoicePhone.Path + "/status", call.StatusCallback);
        Assert.Equal("1200", call.TimeLimit);
        // The SMS conversation stays where it was: the privacy notice, waiting for consent.
        Assert.Equal(Domain.Conversations.Stage.Consent, (await bot.StateAsync(Channel.Sms, person)).Stage);

        // Twilio redelivers the message: no second call.
        await bot.SendAsync(person, "Llámame", messageSid: "SM00000000000000000000000000000llamar");
        Assert.Single(bot.Api.Calls);

        // Twilio places the call and requests its URL, as it does for a call the person makes.
        var answered = await new VoicePhone(bot, person).CallAsync(outbound: true, callSid: call.Sid);
        Assert.Contains("Aviso de privacidad", answered.Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Llamar_OnWhatsApp_CallsTheNumberBehindIt()
    {
        await using var bot = await VoiceBot.StartAsync();
        await bot.SendAsync("whatsapp:+5215511260002", "llamar");

        await bot.ReceivedContainingAsync("whatsapp:+5215511260002", "Te llamamos en un momento");
        Assert.Equal("+5215511260002", Assert.Single(bot.Api.Calls).To);
    }

    [Fact]
    public async Task Llamar_BudgetSpent_ToldNoCallNow_NoSecondCall()
    {
        await using var bot = await VoiceBot.StartAsync(new Dictionary<string, string?> { ["Voice:CallBacksPerDay"] = "1" });
        await bot.SendAsync("+529511260003", "llamar");
        await bot.SendAsync("+529511260004", "llamar");

        await bot.ReceivedContainingAsync("+529511260004", "Por ahora no podemos llamarte");
        Assert.Equal("+529511260003", Assert.Single(bot.Api.Calls).To);
    }

    [Fact]
    public async Task Llamar_AgainWithinTheInterval_NotCalledTwice()
    {
        await using var bot = await VoiceBot.StartAsync();
        await bot.SendAsync("+529511260005", "llamar");
        await bot.SendAsync("+529511260005", "llamar");

        await bot.ReceivedContainingAsync("+529511260005", "Por ahora no podemos llamarte");
        Assert.Single(bot.Api.Calls);
    }

    [Fact]
    public async Task Llamar_VoiceOff_AnAnswerLikeAnyOther()
    {
        await using var bot = await TwilioBot.StartAsync();
        await bot.SendAsync("+529511260006", "llamar");

        await bot.ReceivedContainingAsync("+529511260006", "Aviso de privacidad");
        Assert.Empty(bot.Api.Calls);
    }
}
