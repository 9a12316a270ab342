namespace ChatSurvey.Load;

/// <summary>What a group of simulated respondents does: how many at once, how long they pause, on which channels.</summary>
/// <param name="SurveysEach">
/// Surveys each respondent completes one after the other (as a new person each time), so that runs without pauses
/// last long enough to measure (1,000 surveys in all); 1 with pauses.
/// </param>
internal sealed record Scenario(int Respondents, int PauseMin, int PauseMax, IReadOnlyList<Channel> Channels, int SurveysEach = 1)
{
    public string PauseText => PauseMax > 0 ? $"{PauseMin}-{PauseMax}" : "none";
}
