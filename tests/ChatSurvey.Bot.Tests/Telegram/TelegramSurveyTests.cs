using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramSurveyTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private TelegramTestBot Bot => fixture.Bot;

    [Fact]
    public async Task Telegram_WholeFormByTyping_DeepLinkCodeReachesStoredResponse()
    {
        var chat = Bot.NewChat();
        var before = chat.Messages.Count;
        await Bot.Host.AddPromoterAsync("MzfzuUGk5Wb4WNSkpeCQahA35J3GrZ5E");
        await chat.Post(TelegramUpdates.StartDeepLink2016(TelegramTestBot.NextUpdateId(), chat.Id, "MzfzuUGk5Wb4WNSkpeCQahA35J3GrZ5E"));
        await chat.WaitFor(before, "Aviso de privacidad");
        foreach (var answer in SurveyScript.Answers)
        {
            await chat.Type(answer);
        }

        await chat.WaitFor(0, "gracias");
        var (channel, promoter, values) = await TelegramSql.ResponseAsync(Bot.Host, chat.Id);
        Assert.Equal("telegram", channel);
        Assert.Equal("MzfzuUGk5Wb4WNSkpeCQahA35J3GrZ5E", promoter);
        Assert.Contains("q3|||otro|", values);
        Assert.Contains("q3_otro||||Perifoneo", values);
        Assert.Contains("q5|transparencia||B|", values);
        Assert.Contains("q11||5|otro|", values);
        Assert.Contains("q12_contacto|||no|", values);
    }

    [Fact]
    public async Task Telegram_WholeFormByButtons_StoredUnderCodes()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        await chat.Press("Sí, acepto", "Pregunta 1 de 12");
        await chat.Press("Sí", "Pregunta 2 de 12");
        await chat.Press("No", "Pregunta 3 de 12");
        await chat.Toggle("1. Televisión");
        await chat.Toggle("3. Periódicos");
        await chat.Toggle("7. Redes sociales");
        await chat.Press(TestSurvey.Compiled.Texts("es").Done, "Pregunta 4 de 12");
        await chat.Press("2. Bueno", "Pregunta 5 de 12");
        foreach (var (rating, next) in new[] { ("Bueno", "2 de 5"), ("Regular", "3 de 5"), ("Malo", "4 de 5"), ("Bueno", "5 de 5"), ("Excelente", "Pregunta 6 de 12") })
        {
            await chat.Press(rating, next);
        }

        for (var grid = 6; grid <= 7; grid++)
        {
            for (var row = 2; row <= 6; row++)
            {
                await chat.Press("Regular", $"{row} de 6");
            }

            await chat.Press("Pésimo", $"Pregunta {grid + 1} de 12");
        }

        await chat.Press("2. Mujeres", "Pregunta 9 de 12");
        await chat.Type("Falta de agua", "Segundo problema");
        await chat.Type("Inseguridad", "Pregunta 10 de 12");
        await chat.Type("saltar", "Pregunta 11 de 12");
        await chat.Press("3. Movilidad", "Lugar 2 de 5");
        await chat.Press("1. Educación", "Lugar 3 de 5");
        await chat.Press("12. Transparencia", "Lugar 4 de 5");
        await chat.Press("20. Combate", "Lugar 5 de 5");
        await chat.Press("18. Salud", "Pregunta 12 de 12");
        await chat.Press("Sí", "contactemos");
        await chat.Press("No", "Revisa tus respuestas");
        await chat.Press("1. Enviar respuestas", "gracias");

        var (_, promoter, values) = await TelegramSql.ResponseAsync(Bot.Host, chat.Id);
        Assert.Equal("", promoter);
        Assert.Equal(["television", "periodicos", "redes_sociales"], values.Where(v => v.StartsWith("q3|", StringComparison.Ordinal)).Select(v => v.Split('|')[3]));
        Assert.Contains("q4|||bueno|", values);
        Assert.Equal(["B", "R", "M", "B", "E"], values.Where(v => v.StartsWith("q5|", StringComparison.Ordinal)).Select(v => v.Split('|')[3]));
        Assert.Contains("q7|combate_corrupcion||P|", values);
        Assert.Contains("q8|||mujeres|", values);
        Assert.Equal(["movilidad_transporte", "educacion", "transparencia_presupuestaria", "combate_corrupcion", "salud"],
            values.Where(v => v.StartsWith("q11|", StringComparison.Ordinal)).Select(v => v.Split('|')[3]));
        Assert.Contains("q12|||si|", values);
        // Every press was answered, so no spinner was left turning.
        await Bot.Api.WaitAsync(
            api => chat.PressedCallbacks.Except(api.Calls("answerCallbackQuery").Select(c => c.Parameters["callback_query_id"]!.ToString())).Any() ? null : "all",
            "an answer to every callback query");
    }

    [Fact]
    public async Task Telegram_StaleButton_NoteAndCurrentQuestionStateUnchanged()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        var question1 = await chat.Press("Sí, acepto", "Pregunta 1 de 12");
        await chat.Press("Sí", "Pregunta 2 de 12");
        var version = (await Bot.ConversationAsync(chat.Id)).Version;
        var answers = (await Bot.ConversationAsync(chat.Id)).State.Answers;

        var before = chat.Messages.Count;
        await chat.PressOn(question1, "No", "Ese botón era de una pregunta anterior");
        await chat.WaitFor(before + 1, "Pregunta 2 de 12");
        var after = await Bot.ConversationAsync(chat.Id);
        Assert.Equal(1, after.State.Question);
        Assert.Equal(answers, after.State.Answers);
        Assert.True(after.Version > version);
    }

    [Fact]
    public async Task Telegram_SameToggleTwiceFromOneKeyboard_NotModifiedToleratedAndListoWorks()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        await chat.Type("si", "Pregunta 1 de 12");
        await chat.Type("si", "Pregunta 2 de 12");
        var question3 = await chat.Type("no", "Pregunta 3 de 12");
        await chat.Toggle("2. Radio");
        // A double tap: the second press carries the same data as the first and asks for the same keyboard again.
        var edits = Bot.Api.Calls("editMessageReplyMarkup").Count;
        await chat.Post(chat.Pressing(question3, "2. Radio"));
        await Bot.Api.WaitAsync(api => api.Calls("editMessageReplyMarkup").Skip(edits).FirstOrDefault(c => c.Status == 400), "the refused edit");

        await chat.Press(TestSurvey.Compiled.Texts("es").Done, "Pregunta 4 de 12");
        Assert.Equal(1, Assert.Single((await Bot.ConversationAsync(chat.Id)).State.AnswerAt(2)!.Choices));
    }

    [Fact]
    public async Task Telegram_MalformedStartCode_StartsUnattributedAndIsCounted()
    {
        var chat = Bot.NewChat();
        var counted = Bot.Host.Get<TelegramMetrics>().MalformedStartCodes;
        await chat.Type("/start promo!tor con espacios", "Aviso de privacidad");
        Assert.Null((await Bot.ConversationAsync(chat.Id)).State.Promoter);
        Assert.Equal(counted + 1, Bot.Host.Get<TelegramMetrics>().MalformedStartCodes);
    }
}
