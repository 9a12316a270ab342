using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>Redeliveries, media, locations, empty messages and SMS opt-out words, through the real host.</summary>
public sealed class TwilioInboundTests
{
    private const string NotText = "Por ahora solo puedo leer mensajes de texto.";

    [Fact]
    public async Task SameMessageSidTwice_OneTransitionOneReply()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "whatsapp:+5215522220001";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "si", messageSid: "SM000000000000000000000000000000aa");
        await bot.SendAsync(person, "si", messageSid: "SM000000000000000000000000000000aa");
        await bot.SendAsync(person, "no");

        // Replies go out in order per person: once question 2 arrived, anything the duplicate caused has too.
        var sent = await bot.ReceivedContainingAsync(person, "Pregunta 2 de 12");
        Assert.Single(sent, m => m.Body.StartsWith("Pregunta 1 de 12", StringComparison.Ordinal));
        Assert.Equal(3, sent.Count);
        Assert.Equal(1, (await bot.StateAsync(Channel.WhatsApp, person["whatsapp:".Length..])).Question);
    }

    [Fact]
    public async Task Media_NotAnAnswer_SaysTextOnlyAndRepeatsTheQuestion()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "whatsapp:+5215522220002";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "si");
        var photo = bot.Message(person, "1");
        photo["NumMedia"] = "1";
        photo["MediaContentType0"] = "image/jpeg";
        photo["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0";
        using var response = await bot.PostAsync(photo);
        response.EnsureSuccessStatusCode();

        // The note and the question again are two messages: wait for both.
        var sent = await bot.ReceivedAsync(
            person,
            m => m.ToList().FindIndex(r => r.Body.Contains(NotText, StringComparison.Ordinal)) is var note && note >= 0 && note < m.Count - 1,
            "the text-only note and the question after it");
        Assert.StartsWith("Pregunta 1 de 12", sent[^1].Body, StringComparison.Ordinal);
        // Still on question 1: the photo's caption "1" was not taken as an answer.
        var state = await bot.StateAsync(Channel.WhatsApp, person["whatsapp:".Length..]);
        Assert.Equal((Domain.Conversations.Stage.Asking, 0), (state.Stage, state.Question));
    }

    [Fact]
    public async Task Location_NotAnAnswer_SaysTextOnly()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "whatsapp:+5215522220003";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "si");
        var location = bot.Message(person, "");
        location["Latitude"] = "17.0732";
        location["Longitude"] = "-96.7266";
        location["Address"] = "Zócalo, Oaxaca";
        location["MessageType"] = "location";
        using var response = await bot.PostAsync(location);
        response.EnsureSuccessStatusCode();
        await bot.ReceivedContainingAsync(person, NotText);
    }

    [Fact]
    public async Task EmptySms_SaysTextOnly()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "+5219522220004";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "si");
        await bot.SendAsync(person, "   ");
        await bot.ReceivedContainingAsync(person, NotText);
    }

    [Fact]
    public async Task SmsStop_MarkedUnreachable_NoReplyFromUs_StartComesBack()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "+5219522220005";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, "si");
        await bot.ReceivedContainingAsync(person, "Pregunta 1 de 12");
        await bot.SendAsync(person, "STOP");
        Assert.True((await bot.StateAsync(Channel.Sms, person)).Unreachable);
        var pending = await bot.Host.Get<ISweepSource>().ClaimUnsentAsync(DateTimeOffset.UtcNow.AddDays(1), 100, CancellationToken.None);
        Assert.Empty(pending);

        await bot.SendAsync(person, "ALTA");
        var sent = await bot.ReceivedContainingAsync(person, "¿Quieres continuar donde te quedaste");
        Assert.False((await bot.StateAsync(Channel.Sms, person)).Unreachable);
        // Before ALTA's answer only the consent notice and question 1 went out: nothing answered the STOP.
        Assert.Equal(3, sent.Count);
    }

    [Theory]
    [InlineData("BAJA")]
    [InlineData("alto")]
    [InlineData("Cancelar suscripción")]
    public async Task SpanishOptOutWords_MarkUnreachable(string word)
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "+5219522220006";
        await bot.SendAsync(person, "Hola");
        await bot.SendAsync(person, word);
        Assert.True((await bot.StateAsync(Channel.Sms, person)).Unreachable);
    }
}
