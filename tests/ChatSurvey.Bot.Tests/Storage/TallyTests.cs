using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Events;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>
/// The tallies the writer keeps, on SQLite and PostgreSQL: whatever the order, the batches or the redeliveries, they
/// are what a rebuild from the rows gives, and deletions, purges and silence move exactly what they should.
/// </summary>
public abstract class TallyTests
{
    private static readonly DashboardSeed Seed = new();

    protected abstract Task<SqlResponseStore> CreateAsync(TallySettings? settings = null);

    [Fact]
    public async Task Tallies_EntriesShuffledInSmallBatches_SameAsRebuiltFromTheRows()
    {
        await using var store = await MigratedAsync();
        var entries = Seed.Entries().Where(e => e.Event is not DeletionRequested).OrderBy(e => Mix(e.Id)).ToList();
        foreach (var batch in entries.Chunk(16))
        {
            await store.WriteAsync(batch, default);
        }

        var kept = await SnapshotAsync(store);
        Assert.Equal(await RebuiltAsync(store), kept);
        Assert.Contains(kept, row => row.StartsWith("tally_people|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tallies_EntriesDeliveredAgain_CountedOnce()
    {
        await using var store = await MigratedAsync();
        var entries = Seed.Entries();
        await store.WriteAsync(entries, default);
        var once = await SnapshotAsync(store);
        await store.WriteAsync(entries, default);
        // Twice within one batch too: one multi-row INSERT holding the same event twice.
        await store.WriteAsync([.. entries, .. entries], default);
        foreach (var batch in entries.Reverse().Chunk(50))
        {
            await store.WriteAsync(batch, default);
        }

        Assert.Equal(once, await SnapshotAsync(store));
    }

    [Fact]
    public async Task Tallies_PersonDeleted_TheirFiguresLeaveEveryTally()
    {
        await using var store = await MigratedAsync();
        await store.WriteAsync(Seed.Entries(), default);
        var before = await OverviewAsync(store);
        var completed = Seed.People.First(p => p.Outcome == SeedOutcome.Completed);
        await store.WriteAsync([new OutboxEntry($"{completed.Respondent}:erased:0", ConversationService.StaffChannel, completed.Respondent, new DeletionRequested(DateTimeOffset.UtcNow))], default);

        var after = await OverviewAsync(store);
        Assert.Equal((before.Totals.Started - 1, before.Totals.Completed - 1), (after.Totals.Started, after.Totals.Completed));
        Assert.Equal(before.Funnel.Sum(f => f.Reached) - completed.Asked.Count, after.Funnel.Sum(f => f.Reached));
        Assert.Equal(await RebuiltAsync(store), await SnapshotAsync(store));
        Assert.Empty(await store.Column("SELECT respondent FROM people WHERE respondent = @r", ("r", completed.Respondent)));
    }

    [Fact]
    public async Task Tallies_AbandonedEventsPurged_OnlyTheCompletedAreLeft()
    {
        await using var store = await MigratedAsync();
        await store.WriteAsync(Seed.Entries(), default);
        var removed = await store.PurgeAbandonedEventsAsync(DateTimeOffset.UtcNow.AddDays(365), DateTimeOffset.UtcNow, default);

        var after = await OverviewAsync(store);
        Assert.True(removed > 0);
        Assert.Equal(after.Totals.Completed, after.Totals.Started);
        Assert.Equal(await RebuiltAsync(store), await SnapshotAsync(store));
    }

    [Fact]
    public async Task Tallies_SilenceCrossesStoppedAfter_StoppedThenBackInProgressOnTheNextAnswer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var store = await MigratedAsync(new TallySettings(TimeSpan.FromHours(-6), TimeSpan.FromHours(24), clock));
        var now = clock.GetUtcNow();
        await store.WriteAsync(
            [
                new OutboxEntry("ana:1:0", "web", "ana", new ConversationStarted(now, null, "es"), SurveyVersion: DashboardSeed.Version),
                new OutboxEntry("ana:1:1", "web", "ana", new QuestionAsked(now, "q1"), SurveyVersion: DashboardSeed.Version),
            ],
            default);
        Assert.Equal((1L, 0L), await ActiveAndStoppedAsync(store));

        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await store.RecountSilentAsync(default));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await store.RecountSilentAsync(default));
        Assert.Equal((0L, 1L), await ActiveAndStoppedAsync(store));
        Assert.Equal(1, (await OverviewAsync(store)).Funnel.Single(f => f.Question.Code == "q1").Stopped);

        await store.WriteAsync([new OutboxEntry("ana:2:0", "web", "ana", new AnswerRecorded(clock.GetUtcNow(), "q1"), SurveyVersion: DashboardSeed.Version)], default);
        Assert.Equal((1L, 0L), await ActiveAndStoppedAsync(store));
        Assert.Equal(0, await store.RecountSilentAsync(default));
    }

    private async Task<SqlResponseStore> MigratedAsync(TallySettings? settings = null)
    {
        var store = await CreateAsync(settings);
        await store.MigrateAsync(default);
        return store;
    }

    private static Task<OverviewData> OverviewAsync(SqlResponseStore store) =>
        new OverviewQueries(new DashboardDb(store, Options.Create(new DashboardOptions())), new SurveyCatalog(TestSurvey.Compiled)).LoadAsync(DashboardFilter.All, default);

    private static async Task<(long, long)> ActiveAndStoppedAsync(SqlResponseStore store)
    {
        var totals = (await OverviewAsync(store)).Totals;
        return (totals.InProgress, totals.Stopped);
    }

    /// <summary>Every tally row with a count that is not zero (a row decremented to zero and a row never written read the same), and every person's status.</summary>
    private static async Task<List<string>> SnapshotAsync(SqlResponseStore store)
    {
        var keys = "day || '|' || channel || '|' || promoter || '|' || survey_version";
        return
        [
            .. await store.Column($"SELECT 'tally_people|' || {keys} || '|' || in_progress || '|' || stopped || '|' || completed || '|' || abandoned || '|' || cancelled FROM tally_people WHERE in_progress <> 0 OR stopped <> 0 OR completed <> 0 OR abandoned <> 0 OR cancelled <> 0 ORDER BY 1"),
            .. await store.Column($"SELECT 'tally_funnel|' || {keys} || '|' || question || '|' || reached || '|' || answered || '|' || rejected || '|' || stopped || '|' || abandoned FROM tally_funnel WHERE reached <> 0 OR answered <> 0 OR rejected <> 0 OR stopped <> 0 OR abandoned <> 0 ORDER BY 1"),
            .. await store.Column($"SELECT 'tally_answers|' || {keys} || '|' || question || '|' || row_code || '|' || rank || '|' || option_code || '|' || n FROM tally_answers WHERE n <> 0 ORDER BY 1"),
            .. await store.Column($"SELECT 'tally_durations|' || {keys} || '|' || bucket || '|' || n FROM tally_durations WHERE n <> 0 ORDER BY 1"),
            .. await store.Column("SELECT 'people|' || respondent || '|' || status FROM people ORDER BY 1"),
        ];
    }

    /// <summary>The tallies as a rebuild from the rows makes them (the next start after tally_state is cleared).</summary>
    private static async Task<List<string>> RebuiltAsync(SqlResponseStore store)
    {
        var kept = await SnapshotAsync(store);
        await store.Execute("DELETE FROM tally_state");
        await store.MigrateAsync(default);
        var rebuilt = await SnapshotAsync(store);
        Assert.NotEmpty(kept);
        return rebuilt;
    }

    private static ulong Mix(string id) => id.Aggregate(14695981039346656037UL, (h, c) => (h ^ c) * 1099511628211UL);
}

public sealed class SqliteTallyTests : TallyTests
{
    protected override Task<SqlResponseStore> CreateAsync(TallySettings? settings = null)
    {
        var file = TempFiles.Sqlite("tally");
        return Task.FromResult(new SqlResponseStore(SqlDialect.Sqlite.CreateDataSource($"Data Source={file}"), SqlDialect.Sqlite, settings));
    }
}

public sealed class PostgresTallyTests(PostgresFixture postgres) : TallyTests, IClassFixture<PostgresFixture>
{
    protected override async Task<SqlResponseStore> CreateAsync(TallySettings? settings = null) =>
        new(SqlDialect.Postgres.CreateDataSource(await postgres.Server.CreateDatabaseAsync()), SqlDialect.Postgres, settings);
}
