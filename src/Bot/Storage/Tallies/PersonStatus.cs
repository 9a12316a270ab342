namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// Where a person who started stands, as stored in people.status and counted in tally_people: every person is in
/// exactly one, so started = in progress + stopped + completed + abandoned + cancelled.
/// </summary>
public static class PersonStatus
{
    /// <summary>Answering, or silent for less than Dashboard:StoppedAfter.</summary>
    public const string InProgress = "in_progress";

    /// <summary>Silent longer than Dashboard:StoppedAfter, not yet abandoned: they may still come back.</summary>
    public const string Stopped = "stopped";

    public const string Completed = "completed";

    /// <summary>Silent past Redis:IdleExpiry: the conversation ended.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>Wrote "cancelar" (or their version of the survey went away).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The columns of tally_people, in this order.</summary>
    public static readonly IReadOnlyList<string> All = [InProgress, Stopped, Completed, Abandoned, Cancelled];

    public static int Column(string status) => status switch
    {
        InProgress => 0,
        Stopped => 1,
        Completed => 2,
        Abandoned => 3,
        Cancelled => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a person's status"),
    };
}
