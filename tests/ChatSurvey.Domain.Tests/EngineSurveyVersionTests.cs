using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineSurveyVersionTests
{
    [Fact]
    public void StartSurvey_RecordsTheSurveyItRunsOn()
    {
        var chat = new Chat().Reach("q1");
        Assert.Equal(SurveyFixture.Survey.Tag, chat.State.Survey);
    }

    [Fact]
    public void SurveyChanged_MidSurvey_SaysSoCancelsAndShowsTheNoticeAgain()
    {
        var chat = new Chat().Reach("q3");
        var turn = ConversationEngine.SurveyChanged(SurveyFixture.Survey, chat.State, chat.Now);

        Assert.Contains("La encuesta se actualizó", turn.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Aviso de privacidad", turn.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(CancelReason.SurveyChanged, Assert.IsType<ConversationCancelled>(Assert.Single(turn.Events)).Reason);
        Assert.Equal(Stage.Consent, turn.State.Stage);
        Assert.Empty(turn.State.Answers);
    }

    [Fact]
    public void Tag_OfIdAndVersion_DiffersPerVersionAndIsNeverZero()
    {
        Assert.NotEqual(CompiledSurvey.TagOf("ogaipo-gobierno-abierto", "2022.1"), CompiledSurvey.TagOf("ogaipo-gobierno-abierto", "2022.2"));
        Assert.Equal(CompiledSurvey.TagOf("x", "1"), CompiledSurvey.TagOf("x", "1"));
        Assert.NotEqual(0u, SurveyFixture.Survey.Tag);
    }
}
