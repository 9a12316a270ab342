using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineTextTests
{
    [Fact]
    public void Text_Q9_AsksBothPartsAndKeepsAccents()
    {
        var chat = new Chat().Reach("q9").Bot("Pregunta 9 de 12").Bot("Primer problema o necesidad:")
            .User("  Falta de agua en Santa María  ").Bot("Segundo problema o necesidad:").NoBot("Pregunta 9")
            .User("Inseguridad").Bot("Pregunta 10 de 12");

        Assert.Equal(["Falta de agua en Santa María", "Inseguridad"], chat.TextsOf("q9"));
    }

    [Theory]
    [InlineData("saltar")]
    [InlineData("Saltar")]
    [InlineData("no")]
    [InlineData("paso")]
    public void Text_OptionalQ10Skipped_StoresEmptyAnswerAndAsksQ11(string typed)
    {
        var chat = new Chat().Reach("q10").Bot("escribe \"saltar\"")
            .User(typed).Bot("Pregunta 11 de 12");

        Assert.Empty(chat.ChoicesOf("q10"));
        Assert.Empty(chat.TextsOf("q10"));
        Assert.Equal("q10", chat.Event<AnswerRecorded>().Question);
    }

    [Fact]
    public void Text_NoOnSecondPartOfQ10_IsTheIdea()
    {
        var chat = new Chat().Reach("q10").User("Baches en mi calle").User("no").Bot("Pregunta 11 de 12");

        Assert.Equal(["Baches en mi calle", "no"], chat.TextsOf("q10"));
    }

    [Fact]
    public void Text_SaltarOnRequiredQ9_IsRejected()
    {
        var chat = new Chat().Reach("q9").User("saltar").Bot("Escribe tu respuesta");

        Assert.Equal("q9", chat.CurrentQuestion);
        Assert.Empty(chat.State.Draft.Texts);
    }

    [Theory]
    [InlineData("👍🙏", Rejection.NoWords, "Escribe tu respuesta con palabras")]
    [InlineData("\u200B", Rejection.Empty, "Escribe tu respuesta en un mensaje de texto")]
    [InlineData("   ", Rejection.Empty, "Escribe tu respuesta en un mensaje de texto")]
    public void Text_NoWords_IsReasked(string typed, Rejection reason, string reask)
    {
        var chat = new Chat().Reach("q9").User(typed).Bot(reask);

        Assert.Equal(reason, chat.Event<AnswerRejected>().Reason);
        Assert.Empty(chat.State.Draft.Texts);
    }

    [Fact]
    public void Text_OverMaximum_SaysLengthAndLimit()
    {
        var chat = new Chat().Reach("q9").User(new string('a', 1001)).Bot("tiene 1001 caracteres y el máximo es 1000");

        Assert.Equal(Rejection.TooLong, chat.Event<AnswerRejected>().Reason);
    }

    [Fact]
    public void Text_CualOverItsMaximum_IsRejected()
    {
        var chat = new Chat().Reach("q3_otro").User(new string('x', 201)).Bot("el máximo es 200");

        Assert.Equal("q3_otro", chat.CurrentQuestion);
    }
}
