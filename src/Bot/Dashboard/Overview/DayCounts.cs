namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>The people who started on one day, and where they stand now.</summary>
public sealed record DayCounts(DateOnly Day, StatusCounts Counts);
