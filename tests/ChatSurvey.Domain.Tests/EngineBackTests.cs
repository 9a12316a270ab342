using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineBackTests
{
    [Theory]
    [InlineData("atrás")]
    [InlineData("Atras")]
    [InlineData("/atras")]
    [InlineData("regresar")]
    public void Back_AtQuestion2_AsksQuestion1Again(string typed)
    {
        var chat = new Chat().Reach("q2").User(typed).Bot("Pregunta 1 de 12");

        Assert.Equal("q1", chat.CurrentQuestion);
        Assert.Null(chat.AnswerOf("q1"));
        var back = chat.Event<WentBack>();
        Assert.Equal(("q2", "q1"), (back.From, back.To));
    }

    [Fact]
    public void Back_AtQuestion1_SaysFirstQuestion()
    {
        var chat = new Chat().Begin().User("atrás").Bot("Ya estás en la primera pregunta").Bot("Pregunta 1 de 12");

        Assert.Equal("q1", chat.CurrentQuestion);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Back_InsideGrid_StepsBackOneRow()
    {
        var chat = new Chat().Reach("q5").User("B").User("R").Bot("3 de 5")
            .User("atrás").Bot("2 de 5: Accesibilidad de la información");

        Assert.Equal([1], chat.State.Draft.Choices.ToArray());
        Assert.Equal("q5", chat.CurrentQuestion);
    }

    [Fact]
    public void Back_AtFirstGridRow_ReturnsToPreviousQuestion()
    {
        var chat = new Chat().Reach("q5").User("atrás").Bot("Pregunta 4 de 12");

        Assert.Equal("q4", chat.CurrentQuestion);
    }

    [Fact]
    public void Back_InsideTextParts_AsksFirstPartAgain()
    {
        var chat = new Chat().Reach("q9").User("Falta de agua").User("atrás").Bot("Primer problema o necesidad:");

        Assert.Empty(chat.State.Draft.Texts);
    }

    [Fact]
    public void Back_AfterCual_AsksCualThenQ3()
    {
        var chat = new Chat().Reach("q4")
            .User("atrás").Bot("¿Cuál?")
            .User("atrás").Bot("Pregunta 3 de 12");

        Assert.Null(chat.AnswerOf("q3"));
        Assert.Null(chat.AnswerOf("q3_otro"));
    }

    [Fact]
    public void Back_ChangingQ3WithoutOtro_DropsCualAnswer()
    {
        var chat = new Chat().Reach("q4").User("atrás").User("atrás")
            .User("1, 2").Bot("Pregunta 4 de 12").NoBot("¿Cuál?");

        Assert.Equal([0, 1], chat.ChoicesOf("q3"));
        Assert.Null(chat.AnswerOf("q3_otro"));
        chat.Complete();
        var values = chat.Event<ConversationCompleted>().Response.Values;
        Assert.DoesNotContain(values, v => v.Question == "q3_otro");
    }

    [Fact]
    public void Back_ChangingQ3KeepingOtro_AsksCualAgain()
    {
        var chat = new Chat().Reach("q4").User("atrás").User("atrás")
            .User("otro").Bot("¿Cuál?")
            .User("Perifoneo").Bot("Pregunta 4 de 12");

        Assert.Equal(["Perifoneo"], chat.TextsOf("q3_otro"));
    }

    [Fact]
    public void Back_AtSummary_ReopensLastQuestion()
    {
        var chat = new Chat().Reach("summary").User("atrás").Bot("¿Aceptas que te contactemos");

        Assert.Equal(Stage.Asking, chat.State.Stage);
        Assert.Equal("summary", chat.Event<WentBack>().From);
    }
}
