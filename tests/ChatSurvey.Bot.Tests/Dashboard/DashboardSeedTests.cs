namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The seed exercises what the dashboard's rules are about; otherwise matching figures would prove little.</summary>
public sealed class DashboardSeedTests
{
    private static readonly string[] Channels = ["web", "whatsapp", "telegram", "sms"];
    private readonly DashboardSeed _seed = new();

    [Fact]
    public void Seed_EveryOutcomeDayAndFunnelFeature_Present()
    {
        var all = new Expected(_seed);
        // Those still in the survey went silent long ago: stopped, as the dashboard counts them.
        Assert.All(Enum.GetValues<SeedOutcome>(), o => Assert.True((o == SeedOutcome.InProgress ? all.Stopped : all.Count(o)) >= 3, $"{o}: {all.Count(o)}"));
        Assert.Equal(["2026-11-02", "2026-11-03", "2026-11-04"], all.Days.Keys.Order());
        Assert.True(DashboardSeed.MainQuestions.Count(q => all.AbandonedAt(q) > 0) >= 2);
        Assert.True(DashboardSeed.MainQuestions.Sum(all.Rejected) > 5);
        Assert.True(all.Reached("q3_otro") > 0 && all.Reached("q3_otro") < all.Reached("q3"));
        Assert.True(all.Responses.Count % 2 == 0 || all.Responses.Count > 10);
    }

    [Fact]
    public void Seed_LateEveningStart_CountsOnTheLocalDayNotTheUtcDay()
    {
        var late = _seed.People.Single(p => p.Respondent == "late");
        Assert.Equal("2026-11-03", late.FirstStart.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026-11-02", Expected.Day(late.FirstStart));
    }

    [Fact]
    public void Filters_OnePromoterOrChannel_SplitThePeople()
    {
        Assert.Equal(new Expected(_seed).Started - _seed.People.Count(p => p.Promoter is null), new Expected(_seed, promoter: "radio_ixtlan").Started + new Expected(_seed, promoter: "sec_mujeres").Started);
        Assert.Equal(new Expected(_seed).Started, Channels.Sum(c => new Expected(_seed, channel: c).Started));
    }
}
