using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineRankedTests
{
    [Fact]
    public void Ranked_FirstPrompt_ListsAll22TopicsAndHint()
    {
        var chat = new Chat().Reach("q11").Bot("Pregunta 11 de 12").Bot("3 1 7 12 5").Bot("Lugar 1 de 5:");

        Assert.Equal(22, chat.LastReply.Choices.Count);
    }

    [Fact]
    public void Ranked_AllAtOnce_StoresOrderAndAsksNextQuestion()
    {
        var chat = new Chat().Reach("q11").User("3 1 7 12 5").Bot("Pregunta 12 de 12");

        Assert.Equal([2, 0, 6, 11, 4], chat.ChoicesOf("q11"));
        Assert.Null(chat.AnswerOf("q11_otro"));
    }

    [Fact]
    public void Ranked_OneByOne_ListsOnlyOptionsLeftWithOriginalNumbers()
    {
        var chat = new Chat().Reach("q11")
            .User("salud").Bot("Lugar 2 de 5:");

        Assert.Equal(21, chat.LastReply.Choices.Count);
        Assert.DoesNotContain("18", chat.ChoiceValues);
        Assert.Contains(chat.LastReply.Choices, c => c is { Value: "19", Label: "Rendición de cuentas" });

        chat.User("4 y 9").Bot("Lugar 4 de 5:");
        Assert.Equal(19, chat.LastReply.Choices.Count);
        Assert.DoesNotContain("4", chat.ChoiceValues);
        Assert.DoesNotContain("9", chat.ChoiceValues);
        Assert.Contains(chat.LastReply.Choices, c => c is { Value: "10", Label: "Medio ambiente y cambio climático" });

        chat.User("Arte y cultura").Bot("Lugar 5 de 5:").User("empleo").Bot("Pregunta 12 de 12");
        Assert.Equal([17, 3, 8, 4, 20], chat.ChoicesOf("q11"));
    }

    [Fact]
    public void Ranked_AlreadyChosen_IsReaskedWithoutChangingPicks()
    {
        var chat = new Chat().Reach("q11").User("18 1")
            .User("18").Bot("No repitas temas");

        Assert.Equal(Rejection.Repeated, chat.Event<AnswerRejected>().Reason);
        Assert.Equal([17, 0], chat.State.Draft.Choices.ToArray());
        Assert.Equal(20, chat.LastReply.Choices.Count);
    }

    [Theory]
    [InlineData("3 3 1 2 4", Rejection.Repeated)]
    [InlineData("1 2 3 4 5 6", Rejection.TooMany)]
    [InlineData("23", Rejection.OutOfRange)]
    [InlineData("cine", Rejection.NotUnderstood)]
    public void Ranked_BadPicks_AreReasked(string typed, Rejection reason)
    {
        var chat = new Chat().Reach("q11").User(typed);

        Assert.Equal(reason, chat.Event<AnswerRejected>().Reason);
        Assert.Empty(chat.State.Draft.Choices);
    }

    [Fact]
    public void Ranked_Otro_AsksCual()
    {
        var chat = new Chat().Reach("q11").User("22 1 2 3 4").Bot("¿Cuál?").User("Agua potable").Bot("Pregunta 12 de 12");

        Assert.Equal(["Agua potable"], chat.TextsOf("q11_otro"));
    }
}
