using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineSummaryTests
{
    [Fact]
    public void Summary_AfterLastQuestion_ListsEveryAnswer()
    {
        var chat = new Chat().Reach("summary")
            .Bot("Revisa tus respuestas:")
            .Bot("1) Sí\n2) No\n3) Televisión, Otro ¿Cuál?\n   ↳ Carteles en el mercado\n4) Bueno")
            .Bot("5) B R M B E\n6) E B R M P B\n7) R R R M M P")
            .Bot("9) Falta de agua potable / Calles sin pavimentar")
            .Bot("10) Basura en el río / Jornadas de limpieza con vecinos")
            .Bot("11) 1. Salud, 2. Educación, 3. Justicia y seguridad pública, 4. Combate a la corrupción, 5. Otro ¿Cuál?")
            .Bot("12) Sí\n   ↳ Sí");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
        Assert.Equal(["1", "2"], chat.ChoiceValues);
    }

    [Fact]
    public void Summary_SkippedQ10_SaysNoAnswer()
    {
        var chat = new Chat().Reach("q10").User("saltar").Reach("summary").Bot("10) (sin respuesta)");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
    }

    [Fact]
    public void Summary_ChangeQuestion4_AsksItAndReturnsToSummary()
    {
        var chat = new Chat().Reach("summary")
            .User("2").Bot("¿Qué pregunta quieres cambiar?")
            .User("4").Bot("Pregunta 4 de 12")
            .User("malo").Bot("Revisa tus respuestas").Bot("4) Malo");

        Assert.Equal([3], chat.ChoicesOf("q4"));
        Assert.Equal([1, 2, 3, 1, 0], chat.ChoicesOf("q5"));
        Assert.Equal(Stage.Confirm, chat.State.Stage);
    }

    [Fact]
    public void Summary_ChangeQuestion3ToOtro_AsksCualThenSummary()
    {
        var chat = new Chat().Reach("summary")
            .User("cambiar").User("3").Bot("Pregunta 3 de 12")
            .User("2 y 8").Bot("¿Cuál?")
            .User("Perifoneo").Bot("3) Radio, Otro ¿Cuál?\n   ↳ Perifoneo");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
    }

    [Fact]
    public void Summary_ChangeQuestion12ToNo_DropsContactAnswer()
    {
        var chat = new Chat().Reach("summary").User("2").User("12").User("no").Bot("12) No").NoBot("↳ Sí\n");

        Assert.Null(chat.AnswerOf("q12_contacto"));
    }

    [Theory]
    [InlineData("15")]
    [InlineData("0")]
    [InlineData("la de medios")]
    [InlineData("trece")]
    public void Summary_PickUnknownQuestion_AsksForNumberAgain(string typed)
    {
        var chat = new Chat().Reach("summary").User("2").User(typed).Bot("Escribe el número de una pregunta que hayas respondido, del 1 al 12.");

        Assert.Equal(Stage.PickCorrection, chat.State.Stage);
    }

    [Theory]
    [InlineData("la cuarta")]
    [InlineData("cuatro")]
    public void Summary_PickQuestionInWords_ReopensIt(string typed)
    {
        var chat = new Chat().Reach("summary").User("2").User(typed).Bot("Pregunta 4 de 12");

        Assert.Equal("q4", chat.CurrentQuestion);
    }

    [Fact]
    public void Summary_UnclearReply_AsksSendOrChange()
    {
        var chat = new Chat().Reach("summary").User("ok?? 🤔").Bot("Responde 1 para enviar tus respuestas o 2 para cambiar alguna.");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Summary_Estado_SaysLastQuestion()
    {
        var chat = new Chat().Reach("summary").User("estado").Bot("Vas en la pregunta 12 de 12").Bot("Revisa tus respuestas");

        Assert.DoesNotContain(chat.Events, e => e is ConversationCompleted);
    }
}
