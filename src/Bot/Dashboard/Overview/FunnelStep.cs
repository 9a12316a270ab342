using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>One question of the funnel.</summary>
/// <param name="Reached">People who were asked it (distinct respondents with question_asked).</param>
/// <param name="Answered">People whose answer to it was recorded.</param>
/// <param name="Rejected">Answers to it that were not understood and re-asked (every one counts).</param>
/// <param name="AbandonedHere">People whose conversation went silent for good at this question.</param>
public sealed record FunnelStep(Question Question, long Reached, long Answered, long Rejected, long AbandonedHere)
{
    /// <summary>Follow-ups ("¿Cuál?") are asked only after some answers, so their lower reach is not a drop-off.</summary>
    public bool IsFollowUp => Question.When is not null;
}
