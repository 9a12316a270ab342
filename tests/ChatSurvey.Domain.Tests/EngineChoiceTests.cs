using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineChoiceTests
{
    [Theory]
    [InlineData("sí", 0)]
    [InlineData("Si", 0)]
    [InlineData("1", 0)]
    [InlineData("claro que sí", 0)]
    [InlineData("no", 1)]
    [InlineData("2", 1)]
    [InlineData("Nel", 1)]
    public void YesNo_Answer_IsStoredAndNextQuestionAsked(string typed, int expected)
    {
        var chat = new Chat().Begin().User(typed).Bot("Pregunta 2 de 12").Bot("Transparencia Proactiva");

        Assert.Equal([expected], chat.ChoicesOf("q1"));
        Assert.Equal("q1", chat.Event<AnswerRecorded>().Question);
        Assert.Equal("q2", chat.Event<QuestionAsked>().Question);
    }

    [Fact]
    public void MultipleChoice_WithOtro_AsksCualAndStoresText()
    {
        var chat = new Chat().Reach("q3")
            .User("1, 8").Bot("¿Cuál?").NoBot("Pregunta 4")
            .User("Carteles en el mercado").Bot("Pregunta 4 de 12");

        Assert.Equal([0, 7], chat.ChoicesOf("q3"));
        Assert.Equal(["Carteles en el mercado"], chat.TextsOf("q3_otro"));
    }

    [Theory]
    [InlineData("1,3", new[] { 0, 2 })]
    [InlineData("1 3", new[] { 0, 2 })]
    [InlineData("1 y 3", new[] { 0, 2 })]
    [InlineData("radio y tele", new[] { 0, 1 })]
    [InlineData("Facebook", new[] { 6 })]
    [InlineData("internet, la 2", new[] { 1, 4 })]
    public void MultipleChoice_ListWithoutOtro_SkipsCual(string typed, int[] expected)
    {
        var chat = new Chat().Reach("q3").User(typed).Bot("Pregunta 4 de 12").NoBot("¿Cuál?");

        Assert.Equal(expected, chat.ChoicesOf("q3"));
        Assert.Null(chat.AnswerOf("q3_otro"));
    }

    [Theory]
    [InlineData("bueno")]
    [InlineData("Bueno")]
    [InlineData("B")]
    [InlineData("2")]
    [InlineData("la 2")]
    public void SingleChoice_ByTextAliasOrNumber_StoresOption(string typed)
    {
        var chat = new Chat().Reach("q4").User(typed).Bot("Pregunta 5 de 12");

        Assert.Equal([1], chat.ChoicesOf("q4"));
    }

    [Fact]
    public void SingleChoice_Otro_AsksCualThenNextQuestion()
    {
        var chat = new Chat().Reach("q8")
            .User("7").Bot("¿Cuál?")
            .User("Personas migrantes").Bot("Pregunta 9 de 12");

        Assert.Equal(["Personas migrantes"], chat.TextsOf("q8_otro"));
    }

    [Fact]
    public void SingleChoice_Prompt_ListsNumberedOptions()
    {
        var chat = new Chat().Reach("q8");

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], chat.ChoiceValues);
        Assert.Equal("Mujeres", chat.LastReply.Choices[1].Label);
    }

    [Fact]
    public void YesNo_Q12Yes_AsksForContactConsent()
    {
        var chat = new Chat().Reach("q12").User("sí").Bot("¿Aceptas que te contactemos");

        Assert.Equal("q12_contacto", chat.CurrentQuestion);
    }

    [Fact]
    public void YesNo_Q12No_GoesToSummaryWithoutContactQuestion()
    {
        var chat = new Chat().Reach("q12").User("no").Bot("Revisa tus respuestas").NoBot("contactemos");

        Assert.Null(chat.AnswerOf("q12_contacto"));
    }
}
