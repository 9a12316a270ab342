using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

public sealed class TwilioRendererTests
{
    private static readonly Choice[] Media = [new("1", "Televisión"), new("2", "Radio")];
    private static readonly Choice[] Scale = [new("E", "Excelente"), new("B", "Bueno"), new("R", "Regular"), new("M", "Malo"), new("P", "Pésimo")];

    [Fact]
    public void WhatsApp_NumberedListNumberFirst()
    {
        var reply = new Reply("Pregunta 3 de 12\n¿Por qué medio?", ReplyStyle.MultipleChoice, Media, "q3", Prompt: "q3.0");
        Assert.Equal("Pregunta 3 de 12\n¿Por qué medio?\n\n1. Televisión\n2. Radio", Assert.Single(new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.WhatsApp, [reply])));
    }

    [Fact]
    public void OneMessagePerReply()
    {
        var replies = new[] { Reply.Plain("Por ahora solo puedo leer mensajes de texto."), new Reply("¿Cuál?", ReplyStyle.Plain, [], "q3_otro") };
        Assert.Equal(2, new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.WhatsApp, replies).Count);
    }

    [Fact]
    public void Reask_WhatsAppKeepsTheList_SmsLeavesItOut()
    {
        var reask = new Reply("Elige un número del 1 al 2, por favor.", ReplyStyle.SingleChoice, Media, "q3", ReplyKind.Reask, "q3.0");
        Assert.Contains("1. Televisión", Assert.Single(new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.WhatsApp, [reask])), StringComparison.Ordinal);
        Assert.Equal("Elige un numero del 1 al 2, por favor.", Assert.Single(new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.Sms, [reask])));
        Assert.Equal("Elige un número del 1 al 2, por favor.", Assert.Single(new TwilioRenderer(false, TestSurvey.Compiled).Render(Channel.Sms, [reask])));
    }

    [Fact]
    public void GridOnSms_ScaleOnceInPlaceOfTheLongHint_ThenRowsOnly()
    {
        var first = new Reply($"Pregunta 5 de 12\n¿Cómo calificarías?\n{TestSurvey.Compiled.Texts("es").GridHint}\n\n1 de 5: Transparencia", ReplyStyle.Grid, Scale, "q5", Prompt: "q5.0");
        var second = new Reply("2 de 5: Accesibilidad de la información", ReplyStyle.Grid, Scale, "q5", Prompt: "q5.1");
        var sms = new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.Sms, [first, second]);
        Assert.Equal("Pregunta 5 de 12\n¿Como calificarias?\nE=Excelente B=Bueno R=Regular M=Malo P=Pésimo\nUno por mensaje o todos juntos: B R M B E\n\n1 de 5: Transparencia", sms[0]);
        Assert.Equal("2 de 5: Accesibilidad de la informacion", sms[1]);

        var whatsApp = new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.WhatsApp, [second]);
        Assert.Equal("2 de 5: Accesibilidad de la información\nE=Excelente B=Bueno R=Regular M=Malo P=Pésimo", Assert.Single(whatsApp));
    }

    [Fact]
    public void RankedLaterPlaceOnCompactSms_ListLeftOut()
    {
        var later = new Reply("Lugar 2 de 5:", ReplyStyle.Ranked, Media, "q11", Prompt: "q11.1");
        Assert.Equal("Lugar 2 de 5:", Assert.Single(new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.Sms, [later])));
        Assert.Contains("2. Radio", Assert.Single(new TwilioRenderer(false, TestSurvey.Compiled).Render(Channel.Sms, [later])), StringComparison.Ordinal);
    }

    [Fact]
    public void LongReply_SplitAtLineBreaksWithin1600()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"{i}. Opción con un texto de relleno").ToList();
        var messages = new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.WhatsApp, [Reply.Plain(string.Join('\n', lines))]);
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= TwilioRenderer.MaxLength));
        Assert.Equal(lines, messages.SelectMany(m => m.Split('\n')));
    }

    [Fact]
    public void CompactSms_EveryMessageGsm7()
    {
        var reply = new Reply("¿Has escuchado sobre “Transparencia Proactiva”?", ReplyStyle.YesNo, [new("1", "Sí"), new("2", "No")], "q2", Prompt: "q2.0");
        var text = Assert.Single(new TwilioRenderer(true, TestSurvey.Compiled).Render(Channel.Sms, [reply]));
        Assert.True(SmsSegments.IsGsm7(text), text);
        Assert.EndsWith("\n\n1. Si\n2. No", text, StringComparison.Ordinal);
    }
}
