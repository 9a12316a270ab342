using ChatSurvey.Bot.Tests.Dashboard;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>The whole form by phone: signed voice webhooks in, TwiML out (parsed), SQLite, the dashboard's exports.</summary>
public sealed class VoiceSurveyTests
{
    [Fact]
    public async Task WholeSurvey_ByKeypad_StoredAsVoiceAndExported()
    {
        await using var bot = await VoiceBot.StartAsync(StaffAccounts.Settings());
        var phone = new VoicePhone(bot, "+529511230001");
        var notice = await phone.CallAsync();
        var say = Assert.Single(notice.Says, s => s.Value.Contains("Aviso de privacidad", StringComparison.Ordinal));
        Assert.Equal("es-MX", say.Attribute("language")?.Value);
        Assert.Equal("Polly.Mia", say.Attribute("voice")?.Value);
        // The notice needs a key: speech (or a noise) cannot accept it.
        Assert.Equal("dtmf", notice.Attribute("input"));

        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps);

        Assert.Contains("Muchas gracias", phone.Current.Said, StringComparison.Ordinal);
        Assert.True(phone.Current.HangsUp);
        Assert.Equal(["voice", ""], await bot.StoredResponseAsync());
        var values = await bot.AnswerValuesAsync();
        Assert.Contains("q1|||si|", values);
        Assert.Contains("q3|||television|", values);
        Assert.Contains("q3|||otro|", values);
        Assert.Contains("q3_otro||||Perifoneo", values);
        Assert.Contains("q5|rendicion_cuentas||M|", values);
        Assert.Contains("q7|combate_corrupcion||E|", values);
        Assert.Contains("q9|problema_2|||Inseguridad", values);
        Assert.DoesNotContain(values, v => v.StartsWith("q10|", StringComparison.Ordinal));
        Assert.Contains("q11||1|movilidad_transporte|", values);
        Assert.Contains("q11||2|educacion|", values);
        Assert.Contains("q11||3|salud|", values);
        Assert.Contains("q11||4|competencia_fomento_economico|", values);
        Assert.Contains("q11||5|otro|", values);
        Assert.Contains("q11_otro||||Turismo", values);
        Assert.Contains("q12_contacto|||no|", values);

        using var staff = await StaffClient.SignedInAsync(bot.Host, StaffAccounts.Staff);
        Assert.Single(CsvRows(await staff.GetStringAsync("/staff/export/responses.csv?channel=voice")));
        Assert.Single(CsvRows(await staff.GetStringAsync("/staff/export/responses.csv?channel=messaging")));
        Assert.Empty(CsvRows(await staff.GetStringAsync("/staff/export/responses.csv?channel=web")));
        Assert.Contains("""<option value="voice">Llamada</option>""", await staff.GetStringAsync("/staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeSurvey_BySpeech_FakeTranscriptsStored()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511230002");
        await phone.CallAsync();
        await phone.PressAsync("1");
        string[] spoken =
        [
            "Sí.", "No.", "Televisión y otro.", "Perifoneo", "1", "Bueno.",
            "Bueno.", "Regular.", "Malo.", "Bueno.", "Excelente.",
            "Excelente, bueno, regular, malo, pésimo, excelente.",
            "Excelente bueno regular malo pésimo excelente",
            "Mujeres.", "Falta de agua.", "1", "Inseguridad.", "1", "Saltar.",
            "Educación, salud y empleo.", "Vivienda.", "Deportes.",
            "Sí.", "No.", "Enviar.",
        ];
        foreach (var answer in spoken)
        {
            _ = answer == "1" ? await phone.PressAsync(answer) : await phone.SayAsync(answer);
        }

        Assert.Contains("Muchas gracias", phone.Current.Said, StringComparison.Ordinal);
        Assert.Equal(["voice", ""], await bot.StoredResponseAsync());
        var values = await bot.AnswerValuesAsync();
        Assert.Contains("q2|||no|", values);
        Assert.Contains("q3|||otro|", values);
        Assert.Contains("q3_otro||||Perifoneo", values);
        Assert.Contains("q6|combate_corrupcion||E|", values);
        Assert.Contains("q8|||mujeres|", values);
        Assert.Contains("q9|problema_1|||Falta de agua.", values);
        Assert.Contains("q11||2|salud|", values);
        Assert.Contains("q11||5|deportes|", values);
    }

    [Fact]
    public async Task Speech_FreeText_ReadBackAndConfirmedByKey()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511230003");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1", "1", "2", "18"]);

        var readBack = await phone.SayAsync("Perifoneo");

        Assert.StartsWith("Anoté: Perifoneo.", readBack.Said, StringComparison.Ordinal);
        Assert.Equal("dtmf", readBack.Attribute("input"));
        Assert.Contains("Pregunta 4 de 12", (await phone.PressAsync("1")).Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speech_SayItAgain_AsksThePartAgainAndKeepsTheNewOne()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511230004");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps.Take(KeypadSurvey.Steps.ToList().IndexOf("say:Falta de agua")));
        await phone.SayAsync("Falta de agüita");

        var again = await phone.PressAsync("2");
        Assert.Contains("Primer problema o necesidad", again.Said, StringComparison.Ordinal);
        await phone.SayAsync("Falta de agua");
        Assert.Contains("Segundo problema o necesidad", (await phone.PressAsync("1")).Said, StringComparison.Ordinal);

        var state = await bot.StateAsync(Bot.Conversations.Channel.Voice, phone.Number);
        Assert.Equal(["Falta de agua"], state.Draft.Texts.ToArray());
    }

    [Fact]
    public async Task HangUp_MidSurvey_NextCallAsksContinueAndResumesThere()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511230005");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1", "1", "2", "18"]);
        // The person hangs up (or Twilio's time limit ends the call) while asked "¿Cuál?": no request comes any more.

        var second = await phone.CallAsync();

        Assert.Contains("¿Quieres continuar donde te quedaste o empezar de nuevo?", second.Said, StringComparison.Ordinal);
        Assert.Contains("Marca 1 para Continuar. 2, Empezar de nuevo.", second.Said, StringComparison.Ordinal);
        Assert.Contains("Marca 0 para repetir y 9 para regresar.", second.Said, StringComparison.Ordinal);
        Assert.Contains("¿Cuál? Dilo con tus palabras.", (await phone.PressAsync("1")).Said, StringComparison.Ordinal);
        var rest = KeypadSurvey.Steps.Skip(4).ToList();
        await KeypadSurvey.PlayAsync(phone, rest);
        Assert.Equal(["voice", ""], await bot.StoredResponseAsync());
        Assert.Contains("q3_otro||||Perifoneo", await bot.AnswerValuesAsync());
    }

    [Fact]
    public async Task CallAgain_AfterCompleting_ToldAlreadyDoneAndHungUp()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511230006");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps);

        var again = await phone.CallAsync();

        Assert.Equal("Ya respondiste esta encuesta. ¡Gracias por llamar!", again.Said);
        Assert.True(again.HangsUp);
    }

    /// <summary>The data rows of a CSV export (its first line is the header).</summary>
    private static string[] CsvRows(string csv) => [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)];
}
