using System.Globalization;

namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// How tallies are counted: the offset that days are local to (Dashboard:UtcOffset), the silence after which a
/// person still in the survey counts as stopped (Dashboard:StoppedAfter), and the clock that silence is measured on.
/// </summary>
public sealed record TallySettings(TimeSpan UtcOffset, TimeSpan StoppedAfter, TimeProvider Time)
{
    public static readonly TallySettings Default = new(TimeSpan.FromHours(-6), TimeSpan.FromHours(24), TimeProvider.System);

    public string Day(DateTimeOffset at) => at.ToOffset(UtcOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether a person whose last activity was at <paramref name="lastActivity"/> has been silent long enough to count as stopped.</summary>
    public bool IsSilent(DateTimeOffset lastActivity) => lastActivity < Time.GetUtcNow() - StoppedAfter;
}
