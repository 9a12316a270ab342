using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>Keys that always mean the same thing (0 repeat, 9 back, * more), silence, and keys that name nothing.</summary>
public sealed class VoiceKeysTests
{
    [Fact]
    public async Task Zero_RepeatsTheQuestion_NothingChanges()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240001");
        await phone.CallAsync();
        var question = await phone.PressAsync("1");
        var before = await bot.ConversationAsync(Channel.Voice, phone.Number);

        var repeated = await phone.PressAsync("0");

        Assert.Equal(question.Said, repeated.Said);
        Assert.Equal(before.Version, (await bot.ConversationAsync(Channel.Voice, phone.Number)).Version);
    }

    [Fact]
    public async Task Zero_OnALaterGridRow_SaysTheQuestionAndScaleAgain()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240002");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps.Take(8));
        Assert.Equal("Accesibilidad de la información.", phone.Current.Said);

        var repeated = await phone.PressAsync("0");

        Assert.StartsWith("Pregunta 5 de 12. ¿Cómo calificarías al Gobierno Federal", repeated.Said, StringComparison.Ordinal);
        Assert.EndsWith("1 Excelente, 2 Bueno, 3 Regular, 4 Malo, 5 Pésimo. Accesibilidad de la información.", repeated.Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nine_GoesBackToThePreviousQuestion()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240003");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1", "1"]);

        var back = await phone.PressAsync("9");

        Assert.StartsWith("Pregunta 1 de 12.", back.Said, StringComparison.Ordinal);
        Assert.Equal(0, (await bot.StateAsync(Channel.Voice, phone.Number)).Question);
    }

    [Fact]
    public async Task Star_ReadsTheNextPage_LastPageLeadsBackToTheFirst()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240004");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps.Take(KeypadSurvey.Steps.ToList().IndexOf("#") + 1));
        var first = phone.Current;
        Assert.Contains("Lugar 1 de 5: Marca 1 para Educación.", first.Said, StringComparison.Ordinal);

        var second = await phone.PressAsync("*");
        Assert.StartsWith("Marca 1 para Trámite y Servicios públicos.", second.Said, StringComparison.Ordinal);
        var third = await phone.PressAsync("*");
        Assert.StartsWith("Marca 1 para Seguridad alimentaria. 2, Salud. 3, Rendición de cuentas. 4, Combate a la corrupción. 5, Empleo. 6, Otro ¿Cuál?", third.Said, StringComparison.Ordinal);
        var again = await phone.PressAsync("*");
        Assert.Contains("Marca 1 para Educación.", again.Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultipleChoice_SeveralKeysThenPound_OneAnswerReadBack()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240005");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1", "1", "2"]);
        var q3 = phone.Current;

        Assert.Equal("#", q3.Attribute("finishOnKey"));
        Assert.Null(q3.Attribute("numDigits"));
        var chosen = await phone.PressAsync("25");
        Assert.StartsWith("Elegiste: Radio, Internet. Pregunta 4 de 12.", chosen.Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_AskedAgainTwice_ThirdTimeHangsUpKeepingTheAnswers()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240006");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1", "1"]);

        var first = await phone.SilenceAsync();
        Assert.StartsWith("No escuché tu respuesta. Pregunta 2 de 12.", first.Said, StringComparison.Ordinal);
        var second = await phone.SilenceAsync();
        Assert.StartsWith("No escuché tu respuesta.", second.Said, StringComparison.Ordinal);
        var third = await phone.SilenceAsync();

        Assert.True(third.HangsUp);
        Assert.Null(third.Gather);
        Assert.Contains("llama otra vez a este número", third.Said, StringComparison.Ordinal);
        var state = await bot.StateAsync(Channel.Voice, phone.Number);
        Assert.Equal(Stage.Asking, state.Stage);
        Assert.Equal(1, state.Question);
        Assert.Contains("¿Quieres continuar", (await phone.CallAsync()).Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyThatNamesNothing_AskedAgainSayingSo_AnAnswerStartsTheCountAfresh()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240007");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1"]);

        var invalid = await phone.PressAsync("7");
        Assert.StartsWith("Esa respuesta no es una de las opciones. Pregunta 1 de 12.", invalid.Said, StringComparison.Ordinal);
        Assert.Contains("a=1", invalid.Attribute("action"), StringComparison.Ordinal);
        var next = await phone.PressAsync("1");
        Assert.DoesNotContain("a=", next.Attribute("action"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpokenAnswerNotUnderstood_TheEnginesRejectionCountsAsAnAttempt()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240008");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1"]);

        var reask = await phone.SayAsync("Quién sabe.");

        Assert.StartsWith("Esa respuesta no es una de las opciones. Pregunta 1 de 12.", reask.Said, StringComparison.Ordinal);
        var rejected = await Infrastructure.Eventually.Get(() => bot.Host.QueryAsync("SELECT question, channel FROM conversation_events WHERE type = 'answer_rejected'"), r => r.Count > 0, "the rejection in SQLite");
        Assert.Equal(["q1", "voice"], Assert.Single(rejected));
    }

    [Fact]
    public async Task Pound_OnAnOptionalFreeText_SkipsIt_OnARequiredOneIsNothing()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240009");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps.TakeWhile(s => s != "say:Falta de agua"));

        Assert.StartsWith("Esa respuesta no es una de las opciones.", (await phone.PressAsync("#")).Said, StringComparison.Ordinal);
        await KeypadSurvey.PlayAsync(phone, ["say:Falta de agua", "1", "say:Inseguridad", "1"]);
        Assert.Contains("Si prefieres no responder, marca gato.", phone.Current.Said, StringComparison.Ordinal);
        Assert.StartsWith("Pregunta 11 de 12.", (await phone.PressAsync("#")).Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentDeclined_ToldNothingIsKeptInWordsForThePhone()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240010");
        await phone.CallAsync();

        var declined = await phone.PressAsync("2");

        Assert.True(declined.HangsUp);
        Assert.StartsWith("Listo: no guardamos tus respuestas ni tus datos.", declined.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("escribe", declined.Said, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThirdKeyAtConsent_SwitchesToEnglish_SpokenInItsVoice()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240011");
        var notice = await phone.CallAsync();
        var invitation = Assert.Single(notice.Says, s => s.Value == "To continue in English, press 3.");
        Assert.Equal("en-US", invitation.Attribute("language")?.Value);

        var english = await phone.PressAsync("3");

        Assert.Contains("Privacy notice", english.Said, StringComparison.Ordinal);
        // Everything in English, but the way back to Spanish, said in Spanish.
        Assert.All(english.Says.SkipLast(1), s => Assert.Equal("en-US", s.Attribute("language")?.Value));
        Assert.Equal("Para seguir en español, marca 3.", english.Says[^1].Value);
        Assert.Contains("Question 1 of 12.", (await phone.PressAsync("1")).Said, StringComparison.Ordinal);
        Assert.Equal("en-US", phone.Current.Attribute("language"));
    }

    [Fact]
    public async Task Borrar_SaidAndConfirmed_NothingKept()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511240012");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1", "1"]);

        var sure = await phone.SayAsync("Borrar.");
        Assert.StartsWith("¿Seguro que quieres borrar tus respuestas y tus datos?", sure.Said, StringComparison.Ordinal);
        var deleted = await phone.PressAsync("1");

        Assert.True(deleted.HangsUp);
        Assert.StartsWith("Listo: no guardamos tus respuestas ni tus datos.", deleted.Said, StringComparison.Ordinal);
        // The conversation is erased, as after "borrar" on any channel.
        Assert.Equal(Stage.New, (await bot.StateAsync(Channel.Voice, phone.Number)).Stage);
    }
}
