using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Microsoft.Extensions.Time.Testing;

namespace ChatSurvey.Bot.Tests.Conversations;

/// <summary>
/// The behaviour every conversation store must have, run against the in-memory store, standalone Redis and a
/// 3-master Redis Cluster (see the subclasses).
/// </summary>
public abstract class StoreContractTests
{
    protected static readonly ConversationKey Person = new("telegram", "123456789");

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A store; calling it again gives another instance (another process) over the same data where that exists.</summary>
    protected abstract Task<(IConversationStore Store, IOutbox Outbox, ISweepSource Sweep)> CreateAsync();

    [Fact]
    public async Task Load_UnknownPerson_NewAtVersionZero()
    {
        var (store, _, _) = await CreateAsync();
        Assert.Equal(StoredConversation.New, await store.LoadAsync(Person, default));
    }

    [Fact]
    public async Task Commit_ExpectedVersion_CommittedAndVisibleToAnotherInstance()
    {
        var (store, _, _) = await CreateAsync();
        var state = ConversationState.Initial with { Stage = Stage.Consent, LastSeen = 100 };
        var result = await store.CommitAsync(Person, 0, Commit("m1", state), default);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);

        var (other, _, _) = await CreateAsync();
        var loaded = await other.LoadAsync(Person, default);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(state, loaded.State);
    }

    [Fact]
    public async Task Commit_StaleVersion_ConflictCarriesCurrentAndChangesNothing()
    {
        var (store, _, _) = await CreateAsync();
        var first = ConversationState.Initial with { Stage = Stage.Consent, LastSeen = 100 };
        await store.CommitAsync(Person, 0, Commit("m1", first), default);
        var result = await store.CommitAsync(Person, 0, Commit("m2", first with { Stage = Stage.Asking }), default);
        Assert.Equal(CommitOutcome.Conflict, result.Outcome);
        Assert.Equal(new StoredConversation(first, 1), result.Current);
        Assert.Equal(1, (await (await CreateAsync()).Store.LoadAsync(Person, default)).Version);
    }

    [Fact]
    public async Task Commit_SameMessageIdAgain_DuplicateAndNoSecondTransition()
    {
        var (store, _, _) = await CreateAsync();
        var state = ConversationState.Initial with { Stage = Stage.Consent, LastSeen = 100 };
        await store.CommitAsync(Person, 0, Commit("m1", state), default);
        var again = await store.CommitAsync(Person, 1, Commit("m1", state with { Stage = Stage.Asking }), default);
        Assert.Equal(CommitOutcome.Duplicate, again.Outcome);
        var loaded = await (await CreateAsync()).Store.LoadAsync(Person, default);
        Assert.Equal((1L, Stage.Consent), (loaded.Version, loaded.State.Stage));
    }

    [Fact]
    public async Task Commit_AwaitingSend_DuplicateReturnsPendingRepliesUntilMarkedSent()
    {
        var (store, _, _) = await CreateAsync();
        var replies = new[] { Reply.Plain("Pregunta 1 de 12") };
        await store.CommitAsync(Person, 0, Commit("m1", ConversationState.Initial with { LastSeen = 1 }, replies, awaitingSend: true), default);

        var pending = await store.CommitAsync(Person, 1, Commit("m1", ConversationState.Initial), default);
        Assert.Equal("Pregunta 1 de 12", Assert.Single(pending.EarlierReplies!).Text);

        await store.MarkSentAsync(Person, "m1", default);
        var sent = await store.CommitAsync(Person, 1, Commit("m1", ConversationState.Initial), default);
        Assert.Equal(CommitOutcome.Duplicate, sent.Outcome);
        Assert.Null(sent.EarlierReplies);
    }

    [Fact]
    public async Task Outbox_CommittedEntries_DeliveredUntilAcknowledged()
    {
        var (store, outbox, _) = await CreateAsync();
        var events = new ConversationEvent[] { new QuestionAsked(Time.GetUtcNow(), "q1"), new AnswerRecorded(Time.GetUtcNow(), "q1") };
        var entries = events.Select((e, i) => new OutboxEntry($"r1:m1:{i}", "telegram", "r1", e)).ToList();
        await store.CommitAsync(Person, 0, new TurnCommit("m1", ConversationState.Initial, [], entries, AwaitingSend: false), default);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await outbox.ReadAsync(10, wait.Token);
        Assert.Equal(entries, read.Entries);
        Assert.Empty(read.Undecodable);
        await outbox.AcknowledgeAsync(read.Entries.Select(e => e.Id), default);

        using var nothing = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.ReadAsync(10, nothing.Token));
    }

    [Fact]
    public async Task Service_SameMessageDelivered20Times_OneTransitionAndTheSameReplies()
    {
        var (store, outbox, _) = await CreateAsync();
        var service = Service(store);
        await service.HandleAsync(Person, "u1", Input.Start(), awaitingSend: true, default);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => service.HandleAsync(Person, "u2", Input.FromText("si"), awaitingSend: true, default)));

        Assert.Single(results, r => !r.IsDuplicate);
        Assert.All(results, r => Assert.Equal("Pregunta 1 de 12\n¿Has escuchado sobre \"Gobierno Abierto\" con anterioridad?", Assert.Single(r.Replies).Text));
        Assert.Equal(2, (await store.LoadAsync(Person, default)).Version);
        var events = await ReadAll(outbox, expected: 2);
        Assert.Equal(["ConversationStarted", "QuestionAsked"], events.Select(e => e.Event.GetType().Name));
    }

    [Fact]
    public async Task Service_50MessagesInParallelOnTwoInstances_SameFinalStateAsOneByOne()
    {
        var (storeA, _, _) = await CreateAsync();
        var (storeB, _, _) = await CreateAsync();
        var (sequentialStore, _, _) = await CreateAsync();
        var services = new[] { Service(storeA), Service(storeB) };
        var other = new ConversationKey("telegram", "987654321");

        // "1" answers every step (consent, yes, option 1, rating 1...), so any lost or doubled update shows in the state.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => services[i % 2].HandleAsync(Person, $"p{i}", Input.FromText("1"), awaitingSend: false, default)));
        var sequential = Service(sequentialStore);
        for (var i = 0; i < 50; i++)
        {
            await sequential.HandleAsync(other, $"s{i}", Input.FromText("1"), awaitingSend: false, default);
        }

        var parallel = await (await CreateAsync()).Store.LoadAsync(Person, default);
        var oneByOne = await (await CreateAsync()).Store.LoadAsync(other, default);
        Assert.Equal(50, parallel.Version);
        Assert.Equal(oneByOne.State, parallel.State);
    }

    [Fact]
    public async Task Sweeper_SilentFor25HoursWithTwoInstances_ExactlyOneReminder()
    {
        var (storeA, _, sweepA) = await CreateAsync();
        var (storeB, _, sweepB) = await CreateAsync();
        var sender = new RecordingSender(Person.Channel);
        var serviceA = Service(storeA);
        await serviceA.HandleAsync(Person, "m1", Input.Start(), awaitingSend: false, default);
        await serviceA.HandleAsync(Person, "m2", Input.FromText("si"), awaitingSend: false, default);

        Time.Advance(TimeSpan.FromHours(25));
        var sweepers = new[] { Sweeper(sweepA, serviceA, storeA, sender), Sweeper(sweepB, Service(storeB), storeB, sender) };
        for (var pass = 0; pass < 3; pass++)
        {
            await Task.WhenAll(sweepers.Select(s => s.SweepOnceAsync(default)));
        }

        var (userId, replies) = Assert.Single(sender.Sent);
        Assert.Equal(Person.UserId, userId);
        Assert.StartsWith("¡Hola de nuevo!", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Pregunta 1 de 12", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweeper_SilentPastIdleLimit_AbandonedOnce()
    {
        var (store, outbox, sweep) = await CreateAsync();
        var service = Service(store);
        var sweeper = Sweeper(sweep, service, store, new RecordingSender(Person.Channel));
        await service.HandleAsync(Person, "m1", Input.Start(), awaitingSend: false, default);
        await service.HandleAsync(Person, "m2", Input.FromText("si"), awaitingSend: false, default);
        Time.Advance(TimeSpan.FromHours(25));
        await sweeper.SweepOnceAsync(default);
        Time.Advance(TimeSpan.FromDays(30));
        await sweeper.SweepOnceAsync(default);
        await sweeper.SweepOnceAsync(default);

        var events = await ReadAll(outbox, expected: 4);
        Assert.Equal(["ConversationStarted", "QuestionAsked", "ReminderSent", "ConversationAbandoned"], events.Select(e => e.Event.GetType().Name));
        Assert.Equal(Stage.Closed, (await store.LoadAsync(Person, default)).State.Stage);
    }

    [Fact]
    public async Task Sweeper_RepliesNeverConfirmedSent_SentAgainOnce()
    {
        var (store, _, sweep) = await CreateAsync();
        var sender = new RecordingSender(Person.Channel);
        var service = Service(store);
        await service.HandleAsync(Person, "m1", Input.Start(), awaitingSend: true, default);
        var sweeper = Sweeper(sweep, service, store, sender);
        await sweeper.SweepOnceAsync(default);
        Assert.Empty(sender.Sent);

        Time.Advance(TimeSpan.FromMinutes(1));
        await sweeper.SweepOnceAsync(default);
        await sweeper.SweepOnceAsync(default);
        var (_, replies) = Assert.Single(sender.Sent);
        Assert.Contains("Aviso de privacidad", replies[0].Text, StringComparison.Ordinal);
    }

    protected static Pseudonymizer Pseudonymizer { get; } = new("contract"u8.ToArray());

    protected ConversationSchedule Schedule { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromDays(30));

    protected ConversationService Service(IConversationStore store) => new(TestSurvey.Compiled, store, Pseudonymizer, Schedule, NoPromoters.Gate, Time);

    private ConversationSweeper Sweeper(ISweepSource source, ConversationService service, IConversationStore store, RecordingSender sender) =>
        new(source, service, [sender], store, new SweeperOptions(), Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationSweeper>.Instance);

    private static TurnCommit Commit(string id, ConversationState state, Reply[]? replies = null, bool awaitingSend = false) =>
        new(id, state, replies ?? [], [], awaitingSend);

    private static async Task<List<OutboxEntry>> ReadAll(IOutbox outbox, int expected)
    {
        var all = new List<OutboxEntry>();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (all.Count < expected)
        {
            var batch = (await outbox.ReadAsync(100, wait.Token)).Entries;
            all.AddRange(batch);
            await outbox.AcknowledgeAsync(batch.Select(e => e.Id), default);
        }

        return all;
    }
}
