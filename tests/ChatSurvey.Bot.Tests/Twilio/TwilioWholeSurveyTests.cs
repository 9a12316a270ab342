using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>The whole form over WhatsApp and over SMS: signed webhooks in, the real Twilio library out, SQLite at the end.</summary>
public sealed class TwilioWholeSurveyTests
{
    /// <summary>The goal for the whole survey over SMS in compact mode (see bench/README.md, "SMS cost").</summary>
    public const int SmsSegmentBudget = 60;

    [Fact]
    public async Task WhatsApp_WholeFormFromPromoterLink_StoredWithPromoterAndChannel()
    {
        await using var bot = await TwilioBot.StartAsync();
        await bot.Host.AddPromoterAsync("radio_ixtlan");
        const string person = "whatsapp:+5215511112222";
        await bot.SendAsync(person, WhatsAppLink.Prefilled("radio_ixtlan"));
        foreach (var answer in SurveyScript.Answers)
        {
            await bot.SendAsync(person, answer);
        }

        var sent = await bot.ReceivedContainingAsync(person, "Muchas gracias");
        Assert.Contains("Aviso de privacidad", sent[0].Body, StringComparison.Ordinal);
        Assert.All(sent, m => Assert.Equal(TwilioBot.WhatsAppFrom, m.From));
        Assert.All(sent, m => Assert.True(m.Body.Length <= TwilioRenderer.MaxLength, $"{m.Body.Length} characters"));
        Assert.All(sent, m => Assert.Equal(TwilioBot.PublicBaseUrl + "/webhooks/twilio/status", m.StatusCallback));
        Assert.Contains(sent, m => m.Body.Contains("\n1. Televisión\n2. Radio\n", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Body.Contains("2 de 6: Accesibilidad de la información\nE=Excelente B=Bueno R=Regular M=Malo P=Pésimo", StringComparison.Ordinal));

        var response = await bot.StoredResponseAsync();
        Assert.Equal(["whatsapp", "radio_ixtlan"], response);
        var values = await bot.AnswerValuesAsync();
        Assert.Contains("q3|||television|", values);
        Assert.Contains("q5|uso_tic||E|", values);
        Assert.Contains("q11||5|otro|", values);
        Assert.Contains("q11_otro||||Turismo", values);
    }

    [Fact]
    public async Task Sms_WholeForm_StoredAndWithinSegmentBudget()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string person = "+5219511113333";
        foreach (var text in SmsCost.Inbound)
        {
            await bot.SendAsync(person, text);
        }

        var sent = await bot.ReceivedContainingAsync(person, "Muchas gracias");
        Assert.All(sent, m => Assert.Equal(TwilioBot.SmsFrom, m.From));
        Assert.All(sent, m => Assert.True(SmsSegments.IsGsm7(m.Body), $"not GSM-7: {m.Body}"));
        var segments = SmsSegments.Count(sent.Select(m => m.Body));
        Assert.True(segments <= SmsSegmentBudget, $"the whole survey took {segments} SMS segments; the budget is {SmsSegmentBudget}");
        // What the host sent is what the renderer predicts for the same conversation.
        Assert.Equal(SmsCost.WholeSurvey(compact: true), sent.Select(m => m.Body));

        Assert.Equal(["sms", ""], await bot.StoredResponseAsync());
        var values = await bot.AnswerValuesAsync();
        Assert.Contains("q1|||si|", values);
        Assert.Contains("q9|problema_1|||Falta de agua", values);
        Assert.Contains("q12_contacto|||no|", values);
    }
}
