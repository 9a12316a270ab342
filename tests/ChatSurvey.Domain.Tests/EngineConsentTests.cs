using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineConsentTests
{
    [Fact]
    public void Consent_Yes_StartsSurveyAtQuestion1()
    {
        var chat = new Chat()
            .User("hola").Bot("Aviso de privacidad").Bot("¿Aceptas continuar?")
            .User("Sí, acepto").Bot("Pregunta 1 de 12").Bot("Gobierno Abierto");

        Assert.Equal("q1", chat.CurrentQuestion);
        Assert.Equal("es", chat.Event<ConversationStarted>().Language);
        Assert.Equal("q1", chat.Event<QuestionAsked>().Question);
    }

    [Fact]
    public void Consent_Notice_OffersAcceptAndDeclineChoices()
    {
        var chat = new Chat().User("hola");

        Assert.Equal(Stage.Consent, chat.State.Stage);
        Assert.Equal(["1", "2"], chat.ChoiceValues);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Consent_No_ClosesWithoutKeepingAnything()
    {
        var chat = new Chat().User("hola").User("No acepto").Bot("sin tu consentimiento no guardamos nada");

        Assert.Equal(CancelReason.Declined, chat.Event<ConversationCancelled>().Reason);
        Assert.Equal(Stage.Closed, chat.State.Stage);
        Assert.Empty(chat.State.Answers);
        Assert.Equal(0, chat.State.StartedAt);
        Assert.DoesNotContain(chat.AllEvents, e => e is ConversationStarted);
    }

    [Fact]
    public void Consent_HolaAfterDecline_ShowsNoticeAgain()
    {
        var chat = new Chat().User("hola").User("2").User("hola").Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }

    [Theory]
    [InlineData("tal vez")]
    [InlineData("¿qué es esto?")]
    [InlineData("👍")]
    public void Consent_UnclearAnswer_AsksYesOrNoAgain(string typed)
    {
        var chat = new Chat().User("hola").User(typed).Bot("Responde 1 (Sí) o 2 (No)");

        Assert.Equal(Stage.Consent, chat.State.Stage);
        Assert.True(chat.LastReply.IsReask);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Consent_Ayuda_ExplainsAndShowsNoticeAgain()
    {
        var chat = new Chat().User("hola").User("ayuda").Bot("Palabras que siempre funcionan").Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }
}
