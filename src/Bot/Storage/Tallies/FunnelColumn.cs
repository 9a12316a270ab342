namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>The counts of tally_funnel, per question, in column order.</summary>
public enum FunnelColumn
{
    /// <summary>People who were asked it.</summary>
    Reached,

    /// <summary>People whose answer to it was recorded.</summary>
    Answered,

    /// <summary>Answers to it that were not understood (every one counts).</summary>
    Rejected,

    /// <summary>People who stopped there (<see cref="PersonStatus.Stopped"/>).</summary>
    Stopped,

    /// <summary>People who abandoned there (<see cref="PersonStatus.Abandoned"/>).</summary>
    Abandoned,
}
