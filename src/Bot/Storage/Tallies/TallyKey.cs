namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// What every tally is counted by, the dashboard's filter dimensions: the local day ("yyyy-MM-dd", or
/// <see cref="AllDays"/> for the running total of every day), the channel, the promoter code ("" for none) and the
/// survey version. Every change is counted twice, under its day and under <see cref="AllDays"/>, so a view without
/// dates reads one row per channel, promoter and version instead of one per day.
/// </summary>
public readonly record struct TallyKey(string Day, string Channel, string Promoter, string Version)
{
    public const string AllDays = "";

    public TallyKey AllTime => this with { Day = AllDays };
}
