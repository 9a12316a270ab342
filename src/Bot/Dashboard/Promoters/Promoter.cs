namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>
/// A group or office that shares the survey. <see cref="Code"/> travels in its links and credits it (^[A-Za-z0-9_-]{1,64}$);
/// <see cref="StatsToken"/> is the secret half of its private stats link, /p/&lt;token&gt;.
/// </summary>
public sealed record Promoter(string Code, string Name, string Organisation, DateTimeOffset CreatedAt, string StatsToken);
