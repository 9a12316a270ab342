using ChatSurvey.Domain.Conversations;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineResumeTests
{
    [Fact]
    public void Media_MidSurvey_SaysTextOnlyAndAsksAgain()
    {
        var chat = new Chat().Reach("q4").Media().Bot("solo puedo leer mensajes de texto").Bot("Pregunta 4 de 12");

        Assert.Equal("q4", chat.CurrentQuestion);
        Assert.Null(chat.AnswerOf("q4"));
    }

    [Fact]
    public void Media_AtNotice_ShowsNoticeAgain()
    {
        var chat = new Chat().User("hola").Media().Bot("solo puedo leer").Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }

    [Fact]
    public void Media_AsFirstMessage_ShowsNotice()
    {
        var chat = new Chat().Media().Bot("Aviso de privacidad");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }

    [Fact]
    public void Resume_After13HoursOfSilence_AsksContinueAndKeepsTheMessage()
    {
        var chat = new Chat().Reach("q4").Wait(TimeSpan.FromHours(13))
            .User("bueno").Bot("¿Quieres continuar donde te quedaste o empezar de nuevo?");

        Assert.Equal(Stage.ConfirmRestart, chat.State.Stage);
        Assert.Null(chat.AnswerOf("q4"));

        chat.User("1").Bot("Pregunta 4 de 12");
        Assert.Equal("q4", chat.CurrentQuestion);
        Assert.Equal([0], chat.ChoicesOf("q1"));
    }

    [Fact]
    public void Resume_After11Hours_TakesTheAnswer()
    {
        var chat = new Chat().Reach("q4").Wait(TimeSpan.FromHours(11)).User("bueno").Bot("Pregunta 5 de 12");

        Assert.Equal([1], chat.ChoicesOf("q4"));
    }

    [Fact]
    public void Resume_After13HoursWithCommand_RunsCommand()
    {
        var chat = new Chat().Reach("q4").Wait(TimeSpan.FromHours(13)).User("estado").Bot("Vas en la pregunta 4 de 12");

        Assert.Equal(Stage.Asking, chat.State.Stage);
    }

    [Fact]
    public void Resume_AfterDaysAtSummary_AsksContinueThenShowsSummary()
    {
        var chat = new Chat().Reach("summary").Wait(TimeSpan.FromDays(3))
            .User("1").Bot("¿Quieres continuar")
            .User("1").Bot("Revisa tus respuestas");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
    }

    [Fact]
    public void Resume_LastSeen_IsTheLastMessageTime()
    {
        var chat = new Chat().Begin();
        var sent = chat.Now;

        chat.User("sí");

        Assert.Equal(sent.ToUnixTimeSeconds(), chat.State.LastSeen);
    }
}
