using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Dashboard.Exports;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Dashboard.Texts;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The dashboard's SQL on the seeded dataset, run on SQLite and on PostgreSQL: same data, same figures.</summary>
public abstract class DashboardQueryTests : IAsyncLifetime
{
    private static readonly DashboardSeed Seed = new();

    public static TheoryData<string?, string?, string?, string?> Filters => new()
    {
        { null, null, null, null },
        { "whatsapp", null, null, null },
        { "messaging", null, null, null },
        { "messaging", "radio_ixtlan", "2026-11-02", null },
        { null, "radio_ixtlan", null, null },
        { null, null, "2026-11-02", "2026-11-02" },
        { null, "sec_mujeres", "2026-11-03", null },
        { "web", "radio_ixtlan", null, "2026-11-03" },
        { null, null, "2027-01-01", null },
        // Ranges that take in every day with people: read from the running totals, the same figures.
        { null, null, "2020-01-01", "2030-12-31" },
        { "sms", null, null, "2030-12-31" },
    };

    private SqlResponseStore Store { get; set; } = null!;

    private DashboardDb Db => new(Store, Options.Create(new DashboardOptions()));

    private OverviewQueries Overview => new(Db, new SurveyCatalog(TestSurvey.Compiled));

    /// <param name="settings">The tallies' settings (a test's own clock); the defaults otherwise.</param>
    protected abstract Task<SqlResponseStore> CreateAsync(TallySettings? settings = null);

    public async Task InitializeAsync()
    {
        Store = await CreateAsync();
        await Store.MigrateAsync(default);
        await Store.WriteAsync(Seed.Entries(), default);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Overview_SeededData_MatchesFiguresComputedFromThePeople(string? channel, string? promoter, string? from, string? to)
    {
        var (filter, expected) = Parse(channel, promoter, from, to);
        var data = await Overview.LoadAsync(filter, default);

        Assert.Equal(
            (expected.Started, expected.Count(SeedOutcome.Completed), expected.Count(SeedOutcome.InProgress), expected.Stopped, expected.Count(SeedOutcome.Abandoned), expected.Count(SeedOutcome.Cancelled)),
            ((int)data.Totals.Started, (int)data.Totals.Completed, (int)data.Totals.InProgress, (int)data.Totals.Stopped, (int)data.Totals.Abandoned, (int)data.Totals.Cancelled));
        AssertMedian(expected.MedianSeconds, data.MedianTimeToComplete);
        Assert.Equal(
            expected.Days.OrderBy(d => d.Key).Select(d => $"{d.Key}:{d.Value.Started}/{d.Value.Completed}"),
            data.Days.Where(d => d.Counts.Started > 0).Select(d => $"{d.Day:yyyy-MM-dd}:{d.Counts.Started}/{d.Counts.Completed}"));
        Assert.Equal(
            TestSurvey.Compiled.Questions.Select(q => $"{q.Code}:{expected.Reached(q.Code)}/{expected.Rejected(q.Code)}/{expected.StoppedAt(q.Code)}/{expected.AbandonedAt(q.Code)}"),
            data.Funnel.Select(f => $"{f.Question.Code}:{f.Reached}/{f.Rejected}/{f.Stopped}/{f.Abandoned}"));
        // Cards and funnel agree: everyone stopped or abandoned is at one question.
        Assert.Equal((data.Totals.Stopped, data.Totals.Abandoned), (data.Funnel.Sum(f => f.Stopped), data.Funnel.Sum(f => f.Abandoned)));
    }

    [Fact]
    public async Task Overview_ByChannelAndByPromoter_SideBySideAsEachFilterAlone()
    {
        var data = await Overview.LoadAsync(DashboardFilter.All, default);
        foreach (var row in data.ByChannel)
        {
            var alone = await Overview.LoadAsync(DashboardFilter.All with { Channel = row.Key }, default);
            Assert.Equal(alone.Totals, row.Counts);
            Assert.Equal(alone.MedianTimeToComplete, row.Median);
            Assert.Equal(new Expected(Seed, channel: row.Key).Started, (int)row.Counts.Started);
        }

        Assert.Equal(["sms", "telegram", "web", "whatsapp"], data.ByChannel.Select(r => r.Key));
        Assert.Equal(["", "radio_ixtlan", "sec_mujeres"], data.ByPromoter.Select(r => r.Key));
        Assert.Equal(new Expected(Seed, promoter: "radio_ixtlan").Started, (int)data.ByPromoter.Single(r => r.Key == "radio_ixtlan").Counts.Started);
        Assert.Equal(data.Totals.Started, data.ByPromoter.Sum(r => r.Counts.Started));
    }

    [Fact]
    public async Task ByPromoter_SeededData_OneGroupPerPromoterAndOneForNone()
    {
        var counts = await Overview.ByPromoterAsync(DashboardFilter.All, default);
        foreach (var code in new[] { "radio_ixtlan", "sec_mujeres" })
        {
            var expected = new Expected(Seed, promoter: code);
            Assert.Equal((expected.Started, expected.Count(SeedOutcome.Completed)), ((int)counts[code].Started, (int)counts[code].Completed));
        }

        Assert.Equal(Seed.People.Count(p => p.Promoter is null), (int)counts[""].Started);
    }

    [Fact]
    public async Task Overview_FilteredByVersion_TheSeedsVersionIsEverythingAnotherIsNothing()
    {
        var queries = Overview;
        var all = await queries.LoadAsync(DashboardFilter.All, default);
        var same = await queries.LoadAsync(DashboardFilter.All with { Version = DashboardSeed.Version }, default);
        var other = await queries.LoadAsync(DashboardFilter.All with { Version = "2023.1" }, default);

        Assert.Equal(all.Totals, same.Totals);
        Assert.Equal((0L, 0L), (other.Totals.Started, other.Totals.Completed));
        Assert.Equal(0, (await new ResultsQueries(Db).LoadAsync(DashboardFilter.All with { Version = "2023.1" }, default)).Responses);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Results_SeededData_CountsPerOptionRowAndRank(string? channel, string? promoter, string? from, string? to)
    {
        var (filter, expected) = Parse(channel, promoter, from, to);
        var data = await new ResultsQueries(Db).LoadAsync(filter, default);

        Assert.Equal(expected.Responses.Count, (int)data.Responses);
        foreach (var option in new[] { "si", "no" })
        {
            Assert.Equal(expected.Chose("q1", option), (int)data.Count("q1", null, null, option));
        }

        Assert.Equal(expected.Chose("q3", "otro"), (int)data.Count("q3", null, null, "otro"));
        Assert.Equal(expected.Chose("q6", "P", row: "combate_corrupcion"), (int)data.Count("q6", "combate_corrupcion", null, "P"));
        foreach (var topic in SeedAnswers.Topics)
        {
            Assert.Equal(expected.Chose("q11", topic, rank: 1), (int)data.Count("q11", null, 1, topic));
            Assert.Equal(expected.WeightedScore(topic), RankedResults.WeightedScore(TestSurvey.Compiled.Questions.Single(q => q.Code == "q11"), data, topic));
        }
    }

    [Fact]
    public async Task Texts_SearchIgnoresCaseAccentsAndLikeWildcards_IdenticalTextsGrouped()
    {
        var queries = new TextQueries(Db, new TextReviews(Db, TimeProvider.System));
        var field = TextField.All(TestSurvey.Compiled).Single(f => f.Key == "q9.problema_1");
        var all = Seed.People.SelectMany(p => p.Values).Where(v => v.Question == "q9" && v.Row == "problema_1").ToList();
        var (texts, groups, page) = await queries.GroupsAsync(DashboardFilter.All, field, null, 1, default);
        Assert.Equal(all.Count, (int)texts);
        Assert.Equal(all.Select(v => FoldedText.Of(v.Text!)).Distinct().Count(), (int)groups);
        Assert.Equal(all.Count, (int)page.Sum(g => g.Count));
        // Past the last page: no rows to carry the totals, which are counted apart and agree.
        var (textsLater, groupsLater, later) = await queries.GroupsAsync(DashboardFilter.All, field, null, 99, default);
        Assert.Empty(later);
        Assert.Equal((texts, groups), (textsLater, groupsLater));

        var (agua, _, _) = await queries.GroupsAsync(DashboardFilter.All, field, "ÁGUA", 1, default);
        Assert.Equal(all.Count(v => v.Text!.Contains("agua", StringComparison.OrdinalIgnoreCase)), (int)agua);
        var (linea, _, _) = await queries.GroupsAsync(DashboardFilter.All, field, "linea", 1, default);
        Assert.Equal(all.Count(v => v.Text!.Contains("Línea", StringComparison.Ordinal)), (int)linea);
        Assert.True(linea > 0);
        var (percent, _, _) = await queries.GroupsAsync(DashboardFilter.All, field, "%", 1, default);
        Assert.Equal(0, percent);
    }

    [Fact]
    public async Task ResponseReader_AllResponses_OnceEachWithAllTheirValuesInOrder()
    {
        var read = new List<ExportResponse>();
        await foreach (var response in new ResponseReader(Db).ReadAsync(DashboardFilter.All, default))
        {
            read.Add(response);
        }

        var expected = Seed.People.Where(p => p.Outcome == SeedOutcome.Completed).ToDictionary(p => p.Respondent);
        Assert.Equal(expected.Keys.Order(), read.Select(r => r.Respondent).Order());
        Assert.All(read, r => Assert.Equal(expected[r.Respondent].Values, r.Values));
        Assert.Equal(read.OrderBy(r => r.StartedAt).Select(r => r.Id), read.Select(r => r.Id));
    }

    [Fact]
    public async Task Promoters_CreateFindRenew_CodeIsUniqueAndOldTokenStopsWorking()
    {
        var store = new PromoterStore(Db, new KnownPromoters(Db.Store, TimeProvider.System), TimeProvider.System);
        var created = await store.CreateAsync("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria", default);
        Assert.NotNull(created);
        Assert.Null(await store.CreateAsync("radio_ixtlan", "Otra", "Otra", default));
        Assert.Equal("Radio Ixtlán", (await store.FindByTokenAsync(created.StatsToken, default))?.Name);
        Assert.True(await store.RenewTokenAsync("radio_ixtlan", default));
        Assert.Null(await store.FindByTokenAsync(created.StatsToken, default));
        Assert.Single(await store.ListAsync(default));
    }

    private static void AssertMedian(double? exact, TimeSpan? estimate)
    {
        Assert.Equal(exact is null, estimate is null);
        if (exact is { } seconds)
        {
            // The histogram's buckets grow by 10 %: the estimate lies in the exact median's bucket.
            Assert.InRange(estimate!.Value.TotalSeconds, seconds / 1.1, seconds * 1.1);
        }
    }

    private static (DashboardFilter Filter, Expected Expected) Parse(string? channel, string? promoter, string? from, string? to)
    {
        DateOnly? Day(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return (new DashboardFilter(channel, promoter, Day(from), Day(to)), new Expected(Seed, channel, promoter, Day(from), Day(to)));
    }
}
