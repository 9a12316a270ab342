using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineCommandTests
{
    [Theory]
    [InlineData("estado")]
    [InlineData("ESTADO")]
    [InlineData("progreso")]
    public void Status_MidSurvey_SaysQuestionNumberAndAsksAgain(string typed)
    {
        var chat = new Chat().Reach("q4").User(typed).Bot("Vas en la pregunta 4 de 12").Bot("Pregunta 4 de 12");

        Assert.Equal("q4", chat.CurrentQuestion);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Status_InFollowUp_SaysParentNumber()
    {
        var chat = new Chat().Reach("q3_otro").User("estado").Bot("Vas en la pregunta 3 de 12").Bot("¿Cuál?");

        Assert.Equal("q3_otro", chat.CurrentQuestion);
    }

    [Theory]
    [InlineData("ayuda")]
    [InlineData("/ayuda")]
    [InlineData("¿ayuda?")]
    public void Help_MidSurvey_ListsWordsAndAsksAgain(string typed)
    {
        var chat = new Chat().Reach("q2").User(typed).Bot("atrás: volver a la pregunta anterior").Bot("Pregunta 2 de 12");

        Assert.Equal("q2", chat.CurrentQuestion);
    }

    [Fact]
    public void Cancel_MidSurvey_ClosesAndDropsAnswers()
    {
        var chat = new Chat().Reach("q5").User("cancelar").Bot("dejamos la encuesta aquí");

        Assert.Equal(CancelReason.Cancelled, chat.Event<ConversationCancelled>().Reason);
        Assert.Equal(Stage.Closed, chat.State.Stage);
        Assert.Empty(chat.State.Answers);
    }

    [Fact]
    public void Cancel_ThenHola_ShowsPrivacyNoticeAgain()
    {
        var chat = new Chat().Reach("q5").User("cancelar").User("hola").Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }

    [Theory]
    [InlineData("sí")]
    [InlineData("1")]
    [InlineData("Sí, borrar")]
    [InlineData("borrar")]
    public void Delete_Confirmed_RequestsDeletionAndCloses(string confirmation)
    {
        var chat = new Chat().Reach("q5")
            .User("borrar").Bot("¿Seguro que quieres borrar")
            .User(confirmation).Bot("borramos tus respuestas");

        Assert.IsType<DeletionRequested>(Assert.Single(chat.Events));
        Assert.Equal(Stage.Closed, chat.State.Stage);
        Assert.Empty(chat.State.Answers);
        Assert.Null(chat.State.Promoter);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("2")]
    [InlineData("No, continuar")]
    public void Delete_Declined_ReturnsToQuestionWithAnswers(string answer)
    {
        var chat = new Chat().Reach("q5").User("/borrar").User(answer).Bot("1 de 5: Transparencia");

        Assert.Equal("q5", chat.CurrentQuestion);
        Assert.Equal([0], chat.ChoicesOf("q1"));
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Delete_UnclearConfirmation_AsksAgain()
    {
        var chat = new Chat().Reach("q5").User("borrar").User("mmm").Bot("Responde 1 (Sí) o 2 (No)");

        Assert.Equal(Stage.ConfirmDelete, chat.State.Stage);
    }

    [Fact]
    public void Delete_AfterCompleting_RequestsDeletion()
    {
        var chat = new Chat().Complete().User("borrar").Bot("¿Seguro").User("sí");

        Assert.IsType<DeletionRequested>(Assert.Single(chat.Events));
    }
}
