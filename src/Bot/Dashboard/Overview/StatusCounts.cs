namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>People who started, split by where each one stands now.</summary>
public sealed record StatusCounts(long Completed, long InProgress, long Abandoned, long Cancelled)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0);

    public long Started => Completed + InProgress + Abandoned + Cancelled;

    /// <summary>Completed over started; null when nobody started (no rate rather than a made-up 0 %).</summary>
    public double? CompletionRate => Started == 0 ? null : (double)Completed / Started;

    public StatusCounts Add(string outcome, long count) => outcome switch
    {
        "completed" => this with { Completed = Completed + count },
        "abandoned" => this with { Abandoned = Abandoned + count },
        "cancelled" => this with { Cancelled = Cancelled + count },
        _ => this with { InProgress = InProgress + count },
    };

    public StatusCounts Plus(StatusCounts other) =>
        new(Completed + other.Completed, InProgress + other.InProgress, Abandoned + other.Abandoned, Cancelled + other.Cancelled);
}
