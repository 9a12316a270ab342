namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>People who started, split by where each one stands now (see Storage/Tallies/PersonStatus).</summary>
/// <param name="InProgress">Answering, or silent for less than Dashboard:StoppedAfter.</param>
/// <param name="Stopped">Silent longer than Dashboard:StoppedAfter; they may still come back.</param>
/// <param name="Abandoned">Silent past Redis:IdleExpiry: their conversation ended.</param>
public sealed record StatusCounts(long Completed, long InProgress, long Stopped, long Abandoned, long Cancelled)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0, 0);

    public long Started => Completed + InProgress + Stopped + Abandoned + Cancelled;

    /// <summary>Completed over started; null when nobody started (no rate rather than a made-up 0 %).</summary>
    public double? CompletionRate => Started == 0 ? null : (double)Completed / Started;

    public StatusCounts Plus(StatusCounts other) =>
        new(Completed + other.Completed, InProgress + other.InProgress, Stopped + other.Stopped, Abandoned + other.Abandoned, Cancelled + other.Cancelled);
}
