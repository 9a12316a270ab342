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

    /// <summary>A second store on the database <see cref="CreateAsync"/> made last: another instance of the bot.</summary>
    protected abstract SqlResponseStore Beside();

    /// <summary>Makes the database refuse every new event while the table "refuse" has a row.</summary>
    protected abstract string RefuseEventsSql { get; }

    [Fact]
    public async Task Tallies_EntriesShuffledInSmallBatches_SameAsRebuiltFromTheRows()
    {
        await using var store = await MigratedAsync();
        var entries = Seed.Entries().Where(e => e.Event is not DeletionRequested).OrderBy(e => Mix(e.Id)).ToList();
        foreach (var batch in entries.Chunk(16))
        {
            await store.WriteAsync(batch, default);
        }

        var kept = await AssertAsRebuiltAsync(store);
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

    /// <summary>
    /// Each writer remembers how it left the people it wrote (Tallies/PersonRows); here two take turns on the same
    /// people, so each one's memory is out of date every time it writes again.
    /// </summary>
    [Fact]
    public async Task Tallies_TwoInstancesTakeTurnsOnTheSamePeople_SameAsRebuiltFromTheRows()
    {
        await using var store = await MigratedAsync();
        await using var other = Beside();
        var batches = Seed.Entries().Where(e => e.Event is not DeletionRequested).OrderBy(e => Mix(e.Id)).Chunk(16).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            // Written by one, delivered again to the other (whose memory of these people may be behind).
            await (i % 2 == 0 ? other : store).WriteAsync(batches[i], default);
            await (i % 2 == 0 ? store : other).WriteAsync(batches[i], default);
        }

        await AssertAsRebuiltAsync(store);
    }

    /// <summary>A transaction the database refuses after the writer worked out the people's new rows leaves them as they were.</summary>
    [Fact]
    public async Task Tallies_BatchRefusedThenWrittenAgain_SameAsRebuiltFromTheRows()
    {
        await using var store = await MigratedAsync();
        await store.Execute(RefuseEventsSql);
        var batches = Seed.Entries().Where(e => e.Event is not DeletionRequested).OrderBy(e => Mix(e.Id)).Chunk(16).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            if (i % 4 == 1)
            {
                await store.Execute("INSERT INTO refuse (x) VALUES (1)");
                await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.WriteAsync(batches[i], default));
                await store.Execute("DELETE FROM refuse");
            }

            await store.WriteAsync(batches[i], default);
        }

        await AssertAsRebuiltAsync(store);
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
        await AssertAsRebuiltAsync(store);
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
        await AssertAsRebuiltAsync(store);
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

    /// <summary>
    /// The tallies the writer kept are what a rebuild from the rows makes (the next start after tally_state is
    /// cleared). Returns the kept ones, read before the rebuild replaces them.
    /// </summary>
    private static async Task<List<string>> AssertAsRebuiltAsync(SqlResponseStore store)
    {
        var kept = await SnapshotAsync(store);
        Assert.NotEmpty(kept);
        await store.Execute("DELETE FROM tally_state");
        await store.MigrateAsync(default);
        Assert.Equal(await SnapshotAsync(store), kept);
        return kept;
    }

    private static ulong Mix(string id) => id.Aggregate(14695981039346656037UL, (h, c) => (h ^ c) * 1099511628211UL);
}

public sealed class SqliteTallyTests : TallyTests
{
    private string _connection = "";

    protected override string RefuseEventsSql => """
        CREATE TABLE refuse (x INTEGER);
        CREATE TRIGGER refuse_events BEFORE INSERT ON conversation_events WHEN EXISTS (SELECT 1 FROM refuse)
        BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
        """;

    protected override Task<SqlResponseStore> CreateAsync(TallySettings? settings = null)
    {
        _connection = $"Data Source={TempFiles.Sqlite("tally")}";
        return Task.FromResult(new SqlResponseStore(SqlDialect.Sqlite.CreateDataSource(_connection), SqlDialect.Sqlite, settings));
    }

    protected override SqlResponseStore Beside() => new(SqlDialect.Sqlite.CreateDataSource(_connection), SqlDialect.Sqlite);
}

public sealed class PostgresTallyTests(PostgresFixture postgres) : TallyTests, IClassFixture<PostgresFixture>
{
    private string _connection = "";

    protected override string RefuseEventsSql => """
        CREATE TABLE refuse (x INTEGER);
        CREATE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM refuse) THEN RAISE EXCEPTION 'refused by the test'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_events BEFORE INSERT ON conversation_events FOR EACH ROW EXECUTE FUNCTION refuse_events();
        """;

    protected override async Task<SqlResponseStore> CreateAsync(TallySettings? settings = null)
    {
        _connection = await postgres.Server.CreateDatabaseAsync();
        return new(SqlDialect.Postgres.CreateDataSource(_connection), SqlDialect.Postgres, settings);
    }

    protected override SqlResponseStore Beside() => new(SqlDialect.Postgres.CreateDataSource(_connection), SqlDialect.Postgres);
}
