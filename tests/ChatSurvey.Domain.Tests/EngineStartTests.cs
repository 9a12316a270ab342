using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineStartTests
{
    [Fact]
    public void Start_NewPerson_ShowsPrivacyNotice()
    {
        var chat = new Chat().Start().Bot("¡Hola! Gracias por participar.").Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }

    [Fact]
    public void Start_MidSurvey_AsksContinueOrStartOverAndKeepsAnswers()
    {
        var chat = new Chat().Reach("q4");
        var before = chat.State.Answers.ToArray();

        chat.Start().Bot("¿Quieres continuar donde te quedaste o empezar de nuevo?");

        Assert.Equal(before, chat.State.Answers.ToArray());
        Assert.Empty(chat.Events);
        Assert.Equal(["1", "2"], chat.ChoiceValues);
    }

    [Fact]
    public void Start_MidSurveyThenContinue_AsksSameQuestion()
    {
        var chat = new Chat().Reach("q4").User("/start").User("1").Bot("Pregunta 4 de 12");

        Assert.Equal([0], chat.ChoicesOf("q1"));
    }

    [Fact]
    public void Start_MidSurveyWithOtherPromoter_KeepsFirstPromoter()
    {
        var chat = new Chat().Start("sec_mujeres").Reach("q4").Start("colectivo_9").User("1");

        Assert.Equal("sec_mujeres", chat.State.Promoter);
    }

    [Theory]
    [InlineData("sec_mujeres")]
    [InlineData("Colectivo-Oaxaca_9")]
    public void Start_WithPromoterCode_CreditsPromoter(string code)
    {
        var chat = new Chat().Start(code).User("sí");

        Assert.Equal(code, chat.Event<ConversationStarted>().Promoter);
    }

    [Fact]
    public void Start_TypedWithCode_CreditsPromoter()
    {
        var chat = new Chat().User("/start MunicipioEtla").User("1");

        Assert.Equal("MunicipioEtla", chat.Event<ConversationStarted>().Promoter);
    }

    [Theory]
    [InlineData("código!")]
    [InlineData("dos palabras")]
    [InlineData("<script>")]
    public void Start_WithInvalidCode_StartsUnattributed(string code)
    {
        var chat = new Chat().Start(code).Bot("Aviso de privacidad").User("1");

        Assert.Null(chat.Event<ConversationStarted>().Promoter);
    }

    [Fact]
    public void Start_CodeLongerThan64_StartsUnattributed()
    {
        var chat = new Chat().Start(new string('a', 65)).User("1");

        Assert.Null(chat.Event<ConversationStarted>().Promoter);
    }

    [Fact]
    public void Start_AfterCompleting_SaysAlreadyAnswered()
    {
        var chat = new Chat().Complete().Start("sec_mujeres").Bot("Ya respondiste");

        Assert.Equal(Stage.Completed, chat.State.Stage);
    }
}
