using System.Diagnostics.Metrics;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Observability;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatSurvey.Bot.Tests.Storage.Entries;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>
/// The outbox worker against a database that refuses one value for real (a trigger on answer_values refuses the text
/// "poison"): on SQLite with the in-memory outbox and on PostgreSQL with the Redis outbox (see the subclasses). The
/// worker's clock is a fake one, so an entry waiting for its next try waits until the test moves the clock.
/// </summary>
public abstract class DeadLetterContractTests : IAsyncLifetime
{
    protected const string Poison = "poison";
    protected const string OutageLog = "Writing to the domain store failed";
    protected const string RefusalLog = "refused an outbox entry";

    private readonly List<OutboxWorker> _workers = [];
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    protected FakeTimeProvider Time { get; } = new(Started.AddDays(1));

    protected SqlResponseStore Store { get; private set; } = null!;

    protected DeadLetterStore DeadLetters { get; private set; } = null!;

    protected RecordingLogger<OutboxWorker> Log { get; } = new();

    /// <summary>SQL that makes the database refuse an answer_values row whose text is "poison".</summary>
    protected abstract string RefuseSql { get; }

    /// <summary>SQL that undoes <see cref="RefuseSql"/>: the fix.</summary>
    protected abstract string AcceptSql { get; }

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(default);
        DeadLetters = new DeadLetterStore(Store, Time);
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StopAsync(default);
            worker.Dispose();
        }

        await _metrics.DisposeAsync();
        await Store.DisposeAsync();
        await DisposeOutboxAsync();
    }

    [Fact]
    public async Task Worker_ValueRefusedMidBatch_RestAndLaterBatchesStoredItDeadLetteredAndRedrivenAfterTheFix()
    {
        await Store.Execute(RefuseSql);
        var (state, outbox) = await CreateOutboxAsync();
        // Committed before the worker starts, so its first read takes them all: the refused one is the fifth of nine.
        await CommitAsync(state, "first", [.. Enumerable.Range(0, 9).Select(i => Completed($"p{i}", "m9", text: i == 4 ? Poison : "Falta de agua"))]);
        await StartWorkerAsync(outbox);
        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM responses"), n => n == 8, "the rest of the first batch");

        // The refused entry waits for its next try (the clock stands still); a later batch is stored meanwhile.
        await CommitAsync(state, "later", [.. Enumerable.Range(9, 5).Select(i => Completed($"p{i}", "m9"))]);
        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM responses"), n => n == 13, "the later batch");
        Assert.Equal(0, await Store.Count("SELECT COUNT(*) FROM dead_letters"));

        await Eventually.Get(
            async () =>
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                return await Store.Count("SELECT COUNT(*) FROM dead_letters");
            },
            n => n == 1,
            "its last try");
        await Eventually.Get(WaitingGauge, n => n == 1, "the next measurement to count it");
        Assert.Equal([$"p4|whatsapp|refused|{OutboxWorker.MaxTries}"], await Store.Column("SELECT respondent || '|' || channel || '|' || kind || '|' || attempts FROM dead_letters"));
        Assert.Contains("refused", Assert.Single(await Store.Column("SELECT reason FROM dead_letters")), StringComparison.Ordinal);
        // Nothing lost: each of the 14 entries is stored (one event row each) or a dead letter.
        Assert.Equal(14, await Store.Count("SELECT (SELECT COUNT(*) FROM conversation_events) + (SELECT COUNT(*) FROM dead_letters)"));
        await Eventually.Get(async () => (await outbox.LagAsync(default)).Entries, n => n == 0, "the outbox to drain");

        await Store.Execute(AcceptSql);
        Assert.Equal(RedriveOutcome.Stored, await DeadLetters.RedriveAsync(Assert.Single(await Store.Column("SELECT id FROM dead_letters")), default));
        Assert.Equal(0, await Store.Count("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(14, await Store.Count("SELECT COUNT(*) FROM responses"));
        Assert.Equal(14, await Store.Count("SELECT COUNT(*) FROM conversation_events"));
        Assert.Equal(["p4"], await Store.Column("SELECT r.respondent FROM answer_values a JOIN responses r ON r.id = a.response_id WHERE a.text = 'poison'"));
        // Measured while nothing else arrives: the gauge does not keep the count of the last busy moment.
        await Eventually.Get(WaitingGauge, n => n == 0, "the next measurement after the re-drive");
    }

    [Fact]
    public async Task Worker_PersonDeletedWhileTheirRefusedEntryWaits_ItIsDroppedNotKept()
    {
        await Store.Execute(RefuseSql);
        var (state, outbox) = await CreateOutboxAsync();
        await CommitAsync(state, "first", [Completed("anna", "m9", text: Poison), Completed("ben", "m9")]);
        await StartWorkerAsync(outbox);
        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM responses"), n => n == 1, "ben's response");

        await CommitAsync(state, "later", [Event("anna", "m10", new DeletionRequested(Started.AddHours(1)))]);
        // Acknowledged with the deletion, the waiting entry leaves the outbox: it will not be tried again.
        await Eventually.Get(async () => (await outbox.LagAsync(default)).Entries, n => n == 0, "anna's deletion and her waiting entry to leave the outbox");
        Assert.Equal(1, await Store.Count("SELECT COUNT(*) FROM conversation_events WHERE type = 'deleted'"));
        Assert.Equal(0, await Store.Count("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(["ben"], await Store.Column("SELECT respondent FROM responses"));
    }

    [Fact]
    public async Task Redrive_StillRefused_StaysWithOneMoreAttemptAndTheNewReason()
    {
        await Store.Execute(RefuseSql);
        await DeadLetters.AddRefusedAsync(Completed("anna", "m9", text: Poison), OutboxWorker.MaxTries, new InvalidOperationException("earlier"), default);
        var id = Assert.Single(await Store.Column("SELECT id FROM dead_letters"));

        Assert.Equal(RedriveOutcome.StillRefused, await DeadLetters.RedriveAsync(id, default));
        Assert.Equal([$"{OutboxWorker.MaxTries + 1}"], await Store.Column("SELECT attempts FROM dead_letters"));
        Assert.Contains("refused", Assert.Single(await Store.Column("SELECT reason FROM dead_letters")), StringComparison.Ordinal);
        // Nothing half-written: the response and its event went back with the dead letter's deletion.
        Assert.Equal(0, await Store.Count("SELECT (SELECT COUNT(*) FROM responses) + (SELECT COUNT(*) FROM conversation_events)"));
        Assert.Equal(RedriveOutcome.Gone, await DeadLetters.RedriveAsync(new string('0', 32), default));
    }

    protected abstract Task<SqlResponseStore> CreateStoreAsync();

    /// <summary>The conversation store that commits turns, and the outbox it fills.</summary>
    protected abstract Task<(IConversationStore State, IOutbox Outbox)> CreateOutboxAsync();

    protected virtual Task DisposeOutboxAsync() => Task.CompletedTask;

    /// <summary>The dead letters the worker last counted, read after moving its clock by a second.</summary>
    private Task<long> WaitingGauge()
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return Task.FromResult(Gauges.Read(_metrics.GetRequiredService<IMeterFactory>(), "chatsurvey.outbox.dead_letters.waiting"));
    }

    protected async Task StartWorkerAsync(IOutbox outbox)
    {
        var worker = new OutboxWorker(outbox, Store, DeadLetters, Log, new ChatSurveyTelemetry(_metrics.GetRequiredService<IMeterFactory>()), Time);
        _workers.Add(worker);
        await worker.StartAsync(default);
    }
}
