using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>One question of the funnel.</summary>
/// <param name="Reached">People who were asked it.</param>
/// <param name="Answered">People whose answer to it was recorded.</param>
/// <param name="Rejected">Answers to it that were not understood and re-asked (every one counts).</param>
/// <param name="Stopped">People silent at this question longer than Dashboard:StoppedAfter (the card «Se detuvieron»).</param>
/// <param name="Abandoned">People whose conversation ended here as abandoned (the card «Abandonaron»).</param>
public sealed record FunnelStep(Question Question, long Reached, long Answered, long Rejected, long Stopped, long Abandoned)
{
    /// <summary>Follow-ups ("¿Cuál?") are asked only after some answers, so their lower reach is not a drop-off.</summary>
    public bool IsFollowUp => Question.When is not null;

    /// <summary>Everyone who left at this question, for now or for good.</summary>
    public long Left => Stopped + Abandoned;
}
