using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineReaskTests
{
    [Theory]
    [InlineData("7", Rejection.OutOfRange)]
    [InlineData("0", Rejection.OutOfRange)]
    [InlineData("muy bien", Rejection.NotUnderstood)]
    [InlineData("👍", Rejection.NotUnderstood)]
    public void Reask_WrongSingleChoice_SaysRangeAndRecordsRejection(string typed, Rejection reason)
    {
        var chat = new Chat().Reach("q4");
        var before = chat.State.Answers.ToArray();

        chat.User(typed).Bot("Elige un número del 1 al 5");

        var rejected = chat.Event<AnswerRejected>();
        Assert.Equal(("q4", reason), (rejected.Question, rejected.Reason));
        Assert.Equal(before, chat.State.Answers.ToArray());
        Assert.Equal("q4", chat.CurrentQuestion);
        Assert.True(chat.LastReply.IsReask);
        Assert.Equal("q4", chat.LastReply.Question);
        Assert.Equal(5, chat.LastReply.Choices.Count);
    }

    [Fact]
    public void Reask_AmbiguousWord_AsksForNumber()
    {
        var chat = new Chat().Reach("q8").User("personas").Bot("coincide con varias opciones").Bot("del 1 al 7");

        Assert.Equal(Rejection.Ambiguous, chat.Event<AnswerRejected>().Reason);
    }

    [Theory]
    [InlineData("1, 9")]
    [InlineData("radio y cine")]
    public void Reask_WrongMultipleChoice_ExplainsList(string typed)
    {
        var chat = new Chat().Reach("q3").User(typed).Bot("Elige uno o varios números del 1 al 8");

        Assert.Null(chat.AnswerOf("q3"));
    }

    [Fact]
    public void Reask_RepeatedMultipleChoice_SaysRepeated()
    {
        var chat = new Chat().Reach("q3").User("1, 1").Bot("Repetiste una opción");

        Assert.Equal(Rejection.Repeated, chat.Event<AnswerRejected>().Reason);
    }

    [Fact]
    public void Reask_WrongYesNo_AsksOneOrTwo()
    {
        var chat = new Chat().Begin().User("quizás").Bot("Responde 1 (Sí) o 2 (No)");

        Assert.Null(chat.AnswerOf("q1"));
        Assert.Equal(["1", "2"], chat.ChoiceValues);
    }
}
