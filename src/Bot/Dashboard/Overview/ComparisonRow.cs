namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>One channel or promoter side by side with the others: its people, median time, and where most of them stop.</summary>
/// <param name="Key">The channel's name or the promoter's code ("" for people who came without one).</param>
/// <param name="MostLeft">The question where most of its people stopped or abandoned, or null when none did.</param>
public sealed record ComparisonRow(string Key, StatusCounts Counts, TimeSpan? Median, FunnelStep? MostLeft);
