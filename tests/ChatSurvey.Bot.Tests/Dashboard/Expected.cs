using System.Globalization;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// The figures the dashboard should show for the seed, worked out in plain LINQ over <see cref="SeedPerson"/> records.
/// The rule being checked: a person counts once, on the local day (UTC−6) of their first start, under how their
/// conversation stands now; one still in the survey counts as stopped once silent longer than 24 hours before
/// <paramref name="now"/> (the real clock unless a test sets one).
/// </summary>
public sealed class Expected(DashboardSeed seed, string? channel = null, string? promoter = null, DateOnly? from = null, DateOnly? to = null, DateTimeOffset? now = null)
{
    private static readonly TimeSpan Oaxaca = TimeSpan.FromHours(-6);

    public IReadOnlyList<SeedPerson> Cohort => [.. seed.People.Where(p => InFilter(p) && InRange(p.FirstStart))];

    public int Started => Cohort.Count;

    /// <summary>People whose conversation stands so; <see cref="SeedOutcome.InProgress"/> counts only those not yet stopped.</summary>
    public int Count(SeedOutcome outcome) => Cohort.Count(p => p.Outcome == outcome && !(outcome == SeedOutcome.InProgress && IsStopped(p)));

    public int Stopped => Cohort.Count(IsStopped);

    public int StoppedAt(string question) => Cohort.Count(p => IsStopped(p) && p.LastAsked == question);

    public double? Rate => Started == 0 ? null : (double)Count(SeedOutcome.Completed) / Started;

    /// <summary>Responses: completed people whose response's start (their last start) is in the range.</summary>
    public IReadOnlyList<SeedPerson> Responses => [.. seed.People.Where(p => p.Outcome == SeedOutcome.Completed && InFilter(p) && InRange(p.LastStart))];

    public double? MedianSeconds
    {
        get
        {
            var d = Responses.Select(p => (p.CompletedAt!.Value - p.LastStart).TotalSeconds).Order().ToList();
            return d.Count == 0 ? null : d.Count % 2 == 1 ? d[d.Count / 2] : (d[(d.Count / 2) - 1] + d[d.Count / 2]) / 2;
        }
    }

    public IReadOnlyDictionary<string, (int Started, int Completed)> Days => Cohort
        .GroupBy(p => Day(p.FirstStart))
        .ToDictionary(g => g.Key, g => (g.Count(), g.Count(p => p.Outcome == SeedOutcome.Completed)));

    public int Reached(string question) => Cohort.Count(p => p.Asked.Contains(question));

    public int Rejected(string question) => Cohort.Where(p => p.RejectedAt.Question == question).Sum(p => p.RejectedAt.Times);

    public int AbandonedAt(string question) => Cohort.Count(p => p.Outcome == SeedOutcome.Abandoned && p.LastAsked == question);

    /// <summary>How many responses chose an option (with row or rank), over <see cref="Responses"/>.</summary>
    public int Chose(string question, string option, string? row = null, int? rank = null) =>
        Responses.Count(p => p.Values.Any(v => v.Question == question && v.Option == option && v.Row == row && v.Rank == rank));

    public long WeightedScore(string option) => Responses.Sum(p => p.Values.Where(v => v.Question == "q11" && v.Option == option).Sum(v => 6 - v.Rank!.Value));

    public static string Day(DateTimeOffset at) => at.ToOffset(Oaxaca).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>In progress and silent for more than 24 hours: the seed's last event is the answer rejected at the last question asked.</summary>
    private bool IsStopped(SeedPerson p) =>
        p.Outcome == SeedOutcome.InProgress && p.LastStart.AddSeconds((30 * p.Asked.Count) + 5) < (now ?? DateTimeOffset.UtcNow) - TimeSpan.FromHours(24);

    private bool InFilter(SeedPerson p) =>
        (channel is null || p.Channel == channel || (channel == "messaging" && p.Channel != "web")) && (promoter is null || p.Promoter == promoter);

    private bool InRange(DateTimeOffset start)
    {
        var day = DateOnly.ParseExact(Day(start), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (from is null || day >= from) && (to is null || day <= to);
    }
}
