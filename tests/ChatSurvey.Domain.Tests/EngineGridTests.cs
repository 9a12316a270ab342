using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineGridTests
{
    [Fact]
    public void Grid_FirstRow_ShowsHintRowAndLetterChoices()
    {
        var chat = new Chat().Reach("q5").Bot("Gobierno Federal").Bot("B R M B E").Bot("1 de 5: Transparencia");

        Assert.Equal(["E", "B", "R", "M", "P"], chat.ChoiceValues);
        Assert.Equal(ReplyStyle.Grid, chat.LastReply.Style);
    }

    [Fact]
    public void Grid_RowByRow_AsksEachRowThenNextQuestion()
    {
        var chat = new Chat().Reach("q5")
            .User("B").Bot("2 de 5: Accesibilidad de la información").NoBot("Gobierno Federal")
            .User("regular").Bot("3 de 5: Rendición de cuentas")
            .User("4").Bot("4 de 5: Mecanismos de participación ciudadana")
            .User("Bueno").Bot("5 de 5: Uso de las tecnologías")
            .User("e").Bot("Pregunta 6 de 12").Bot("1 de 6: Transparencia");

        Assert.Equal([1, 2, 3, 1, 0], chat.ChoicesOf("q5"));
        Assert.Equal("q5", chat.Event<AnswerRecorded>().Question);
    }

    [Theory]
    [InlineData("B R M B E")]
    [InlineData("brmbe")]
    [InlineData("b, r, m, b, e")]
    [InlineData("bueno regular malo bueno excelente")]
    public void Grid_WholeGridAtOnce_StoresEveryRow(string typed)
    {
        var chat = new Chat().Reach("q5").User(typed).Bot("Pregunta 6 de 12");

        Assert.Equal([1, 2, 3, 1, 0], chat.ChoicesOf("q5"));
    }

    [Fact]
    public void Grid_RestOfRowsAtOnce_CompletesGrid()
    {
        var chat = new Chat().Reach("q6")
            .User("E B").Bot("3 de 6: Rendición de cuentas")
            .User("R M P B").Bot("Pregunta 7 de 12");

        Assert.Equal([0, 1, 2, 3, 4, 1], chat.ChoicesOf("q6"));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("B R X")]
    [InlineData("muy bien")]
    [InlineData("6")]
    public void Grid_WrongLetter_ReasksSameRow(string typed)
    {
        var chat = new Chat().Reach("q5").User("B")
            .User(typed).Bot("Responde con una letra: E, B, R, M o P");

        Assert.Equal([1], chat.State.Draft.Choices.ToArray());
        Assert.Equal("q5", chat.Event<AnswerRejected>().Question);
        Assert.True(chat.LastReply.IsReask);
    }

    [Fact]
    public void Grid_MoreLettersThanRowsLeft_SaysHowManyRemain()
    {
        var chat = new Chat().Reach("q5").User("B R")
            .User("B R M B E").Bot("Rubros por calificar: 3");

        Assert.Equal(Rejection.TooMany, chat.Event<AnswerRejected>().Reason);
        Assert.Equal([1, 2], chat.State.Draft.Choices.ToArray());
    }
}
