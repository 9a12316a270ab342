using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineCompletionTests
{
    private static CompletedResponse Completed(Chat chat) => chat.Event<ConversationCompleted>().Response;

    [Theory]
    [InlineData("1")]
    [InlineData("sí")]
    [InlineData("Enviar respuestas")]
    [InlineData("enviar")]
    public void Complete_SummaryConfirmed_EmitsResponseAndThanks(string typed)
    {
        var chat = new Chat().Reach("summary").User(typed).Bot("¡Muchas gracias por tu tiempo");

        var response = Completed(chat);
        Assert.Equal(("ogaipo-gobierno-abierto", "2022.1", "es"), (response.SurveyId, response.SurveyVersion, response.Language));
        Assert.Equal(Stage.Completed, chat.State.Stage);
    }

    [Fact]
    public void Complete_Response_HoldsValuesUnderCodes()
    {
        var values = Completed(new Chat().Complete()).Values;

        Assert.Contains(new AnswerValue("q1", null, null, "si", null), values);
        Assert.Contains(new AnswerValue("q2", null, null, "no", null), values);
        Assert.Contains(new AnswerValue("q3", null, null, "television", null), values);
        Assert.Contains(new AnswerValue("q3", null, null, "otro", null), values);
        Assert.Contains(new AnswerValue("q3_otro", null, null, null, "Carteles en el mercado"), values);
        Assert.Contains(new AnswerValue("q4", null, null, "bueno", null), values);
        Assert.Contains(new AnswerValue("q9", "problema_1", null, null, "Falta de agua potable"), values);
        Assert.Contains(new AnswerValue("q9", "problema_2", null, null, "Calles sin pavimentar"), values);
        Assert.Contains(new AnswerValue("q10", "idea", null, null, "Jornadas de limpieza con vecinos"), values);
        Assert.Contains(new AnswerValue("q12_contacto", null, null, "si", null), values);
    }

    [Fact]
    public void Complete_GridValues_CarryRowCodesAndLetters()
    {
        var q5 = Completed(new Chat().Complete()).Values.Where(v => v.Question == "q5").Select(v => $"{v.Row}={v.Option}");

        Assert.Equal(["transparencia=B", "accesibilidad_informacion=R", "rendicion_cuentas=M", "participacion_ciudadana=B", "uso_tic=E"], q5);
    }

    [Fact]
    public void Complete_RankedValues_CarryRanks1To5()
    {
        var q11 = Completed(new Chat().Complete()).Values.Where(v => v.Question == "q11").Select(v => $"{v.Rank}={v.Option}");

        Assert.Equal(["1=salud", "2=educacion", "3=justicia_seguridad", "4=combate_corrupcion", "5=otro"], q11);
    }

    [Fact]
    public void Complete_SkippedQ10_HasNoQ10Values()
    {
        var chat = new Chat().Reach("q10").User("saltar").Complete();

        Assert.DoesNotContain(Completed(chat).Values, v => v.Question == "q10");
    }

    [Fact]
    public void Complete_Times_AreConsentAndConfirmation()
    {
        var chat = new Chat().User("hola");
        var consentAt = chat.Now;
        chat.User("1").Reach("summary");
        var sentAt = chat.Now;

        var response = Completed(chat.User("1"));

        Assert.Equal((consentAt, sentAt), (response.StartedAt, response.CompletedAt));
    }

    [Fact]
    public void Complete_PromoterAndLanguage_AreRecorded()
    {
        var chat = new Chat().Start("sec_mujeres").User("English").Complete();

        var response = Completed(chat);
        Assert.Equal(("sec_mujeres", "en"), (response.Promoter, response.Language));
    }

    [Fact]
    public void Complete_State_KeepsNoAnswers()
    {
        var chat = new Chat().Complete();

        Assert.Empty(chat.State.Answers);
        Assert.True(StateSerializer.Serialize(chat.State).Length < 40);
    }

    [Theory]
    [InlineData("hola")]
    [InlineData("1")]
    [InlineData("reiniciar")]
    public void Complete_MessageAfterwards_SaysAlreadyAnswered(string typed)
    {
        var chat = new Chat().Complete().User(typed).Bot("Ya respondiste esta encuesta");

        Assert.Empty(chat.Events);
        Assert.Equal(Stage.Completed, chat.State.Stage);
    }

    [Fact]
    public void Complete_RepeatAllowed_MessageAfterwardsStartsAgainWithPrivacyNotice()
    {
        var survey = new CompiledSurvey(SurveyFixture.Survey.Definition, SurveyFixture.Packs, oneResponsePerPerson: false);
        var chat = new Chat(survey).Complete().User("hola").Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }
}
