using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineReminderTests
{
    private static readonly CompiledSurvey Survey = SurveyFixture.Survey;

    [Fact]
    public void Remind_MidSurvey_NudgesOnceAndRepeatsQuestion()
    {
        var chat = new Chat().Reach("q4");

        var turn = ConversationEngine.Remind(Survey, chat.State, chat.Now.AddDays(1));

        Assert.IsType<ReminderSent>(Assert.Single(turn.Events));
        Assert.Contains(turn.Replies, r => r.Text.Contains("Tu encuesta quedó a medias", StringComparison.Ordinal));
        Assert.Contains(turn.Replies, r => r.Text.Contains("Pregunta 4 de 12", StringComparison.Ordinal));
        Assert.True(turn.State.Reminded);
        Assert.Equal(turn.State, StateSerializer.Deserialize(StateSerializer.Serialize(turn.State)));

        var again = ConversationEngine.Remind(Survey, turn.State, chat.Now.AddDays(2));
        Assert.Empty(again.Replies);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Remind_AfterPersonWritesAgain_IsAllowedAgain()
    {
        var chat = new Chat().Reach("q4");
        var reminded = ConversationEngine.Remind(Survey, chat.State, chat.Now.AddHours(1)).State;

        var answered = ConversationEngine.Resume(Survey, reminded, Input.FromText("bueno"), chat.Now.AddHours(2)).State;

        Assert.False(answered.Reminded);
        Assert.Single(ConversationEngine.Remind(Survey, answered, chat.Now.AddDays(1)).Events);
    }

    [Fact]
    public void Remind_CompletedOrClosed_SaysNothing()
    {
        var completed = new Chat().Complete().State;
        var closed = new Chat().Reach("q2").User("cancelar").State;

        Assert.Empty(ConversationEngine.Remind(Survey, completed, Chat.Epoch.AddDays(1)).Replies);
        Assert.Empty(ConversationEngine.Remind(Survey, closed, Chat.Epoch.AddDays(1)).Replies);
    }

    [Fact]
    public void Expire_MidSurvey_ClosesAndNamesWhereThePersonStopped()
    {
        var chat = new Chat().Reach("q5");

        var turn = ConversationEngine.Expire(Survey, chat.State, chat.Now.AddDays(30));

        Assert.Equal("q5", Assert.IsType<ConversationAbandoned>(Assert.Single(turn.Events)).Question);
        Assert.Equal(Stage.Closed, turn.State.Stage);
        Assert.Empty(turn.State.Answers);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public void Expire_Completed_KeepsState()
    {
        var state = new Chat().Complete().State;

        var turn = ConversationEngine.Expire(Survey, state, Chat.Epoch.AddDays(30));

        Assert.Same(state, turn.State);
        Assert.Empty(turn.Events);
    }

    [Fact]
    public void Repeat_MidGrid_SaysCurrentRowAgain()
    {
        var chat = new Chat().Reach("q5").User("B");

        var replies = ConversationEngine.Repeat(Survey, chat.State);

        Assert.Equal(chat.Replies.Select(r => r.Text), replies.Select(r => r.Text));
        Assert.Contains("2 de 5", replies[^1].Text, StringComparison.Ordinal);
    }
}
