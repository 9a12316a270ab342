using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineRestartTests
{
    [Theory]
    [InlineData("2")]
    [InlineData("Empezar de nuevo")]
    [InlineData("reiniciar")]
    public void Restart_StartOver_ClearsAnswersAndAsksQuestion1(string choice)
    {
        var chat = new Chat().Reach("q5")
            .User("reiniciar").Bot("¿Quieres continuar donde te quedaste o empezar de nuevo?")
            .User(choice).Bot("Pregunta 1 de 12");

        Assert.All(chat.State.Answers, Assert.Null);
        Assert.Equal(CancelReason.Restarted, chat.Event<ConversationCancelled>().Reason);
        Assert.Equal(chat.Event<ConversationStarted>().At.ToUnixTimeSeconds(), chat.State.StartedAt);
        Assert.Equal("q1", chat.CurrentQuestion);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Continuar")]
    [InlineData("seguir")]
    public void Restart_Continue_KeepsAnswersAndAsksSameQuestion(string choice)
    {
        var chat = new Chat().Reach("q5").User("B");
        var before = chat.State.Answers.ToArray();

        chat.User("reiniciar").User(choice).Bot("2 de 5: Accesibilidad");

        Assert.Equal(before, chat.State.Answers.ToArray());
        Assert.Equal([1], chat.State.Draft.Choices.ToArray());
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Restart_UnclearChoice_AsksAgain()
    {
        var chat = new Chat().Reach("q5").User("reiniciar").User("quién sabe").Bot("Elige un número del 1 al 2");

        Assert.Equal(Stage.ConfirmRestart, chat.State.Stage);
        Assert.Equal(["1", "2"], chat.ChoiceValues);
    }

    [Fact]
    public void Restart_AtSummaryThenContinue_ShowsSummaryAgain()
    {
        var chat = new Chat().Reach("summary").User("reiniciar").User("1").Bot("Revisa tus respuestas");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
    }
}
