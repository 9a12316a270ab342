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
    protected static readonly ConversationKey Person = new(Channel.Telegram, "123456789");

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

        await store.MarkSentAsync(Person, store.TurnOf("m1"), default);
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
        await using var bot = await Pipeline(store);
        await bot.Service.HandleAsync(new InboundMessage(Person, "u1", Input.Start()), default);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bot.Service.HandleAsync(new InboundMessage(Person, "u2", Input.FromText("si")), default)));

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
        await using var a = await Pipeline(storeA);
        await using var b = await Pipeline(storeB);
        var services = new[] { a.Service, b.Service };
        var other = new ConversationKey(Channel.Telegram, "987654321");

        // "1" answers every step (consent, yes, option 1, rating 1...), so any lost or doubled update shows in the state.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => services[i % 2].HandleAsync(new InboundMessage(Person, $"p{i}", Input.FromText("1")), default)));
        await using var sequential = await Pipeline(sequentialStore);
        for (var i = 0; i < 50; i++)
        {
            await sequential.Service.HandleAsync(new InboundMessage(other, $"s{i}", Input.FromText("1")), default);
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
        await using var a = await Pipeline(storeA, sweepA, sender);
        await using var b = await Pipeline(storeB, sweepB, sender);
        await a.Service.HandleAsync(new InboundMessage(Person, "m1", Input.Start()), default);
        await a.Service.HandleAsync(new InboundMessage(Person, "m2", Input.FromText("si")), default);
        await a.IdleAsync();
        sender.Sent.Clear();

        Time.Advance(TimeSpan.FromHours(25));
        for (var pass = 0; pass < 3; pass++)
        {
            await Task.WhenAll(a.Sweeper!.SweepOnceAsync(default), b.Sweeper!.SweepOnceAsync(default));
        }

        await a.IdleAsync();
        await b.IdleAsync();
        var (userId, replies) = Assert.Single(sender.Sent);
        Assert.Equal(Person.UserId, userId);
        Assert.StartsWith("¡Hola de nuevo!", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Pregunta 1 de 12", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweeper_SilentPastIdleLimit_AbandonedOnce()
    {
        var (store, outbox, sweep) = await CreateAsync();
        await using var bot = await Pipeline(store, sweep, new RecordingSender(Person.Channel));
        await bot.Service.HandleAsync(new InboundMessage(Person, "m1", Input.Start()), default);
        await bot.Service.HandleAsync(new InboundMessage(Person, "m2", Input.FromText("si")), default);
        Time.Advance(TimeSpan.FromHours(25));
        await bot.Sweeper!.SweepOnceAsync(default);
        Time.Advance(TimeSpan.FromDays(30));
        await bot.Sweeper.SweepOnceAsync(default);
        await bot.Sweeper.SweepOnceAsync(default);

        var events = await ReadAll(outbox, expected: 4);
        Assert.Equal(["ConversationStarted", "QuestionAsked", "ReminderSent", "ConversationAbandoned"], events.Select(e => e.Event.GetType().Name));
        Assert.Equal(Stage.Closed, (await store.LoadAsync(Person, default)).State.Stage);
    }

    [Fact]
    public async Task Sweeper_RepliesNeverConfirmedSent_SentAgainOnce()
    {
        var (store, _, sweep) = await CreateAsync();
        var sender = new RecordingSender(Person.Channel);
        // The process that committed the turn died before sending: its queue went with it.
        await using (var crashed = await Pipeline(store))
        {
            await crashed.Service.HandleAsync(new InboundMessage(Person, "m1", Input.Start()), default);
        }

        await using var bot = await Pipeline(store, sweep, sender);
        await bot.Sweeper!.SweepOnceAsync(default);
        Assert.Empty(sender.Sent);

        Time.Advance(TimeSpan.FromMinutes(1));
        await bot.Sweeper.SweepOnceAsync(default);
        await bot.IdleAsync();
        await bot.Sweeper.SweepOnceAsync(default);
        await bot.IdleAsync();
        var (_, replies) = Assert.Single(sender.Sent);
        Assert.Contains("Aviso de privacidad", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweeper_OneConversationCannotBeSwept_TheOthersStillGetTheirReminder()
    {
        var (store, _, sweep) = await CreateAsync();
        var sender = new RecordingSender(Person.Channel);
        await using var bot = await Pipeline(store, sweep, sender);
        var broken = new ConversationKey(Channel.Telegram, "555000111");
        await bot.Service.HandleAsync(new InboundMessage(Person, "m1", Input.Start()), default);
        await bot.Service.HandleAsync(new InboundMessage(Person, "m2", Input.FromText("si")), default);
        // A state the survey no longer fits: question 99 of 12.
        var misfit = ConversationState.Initial with { Stage = Stage.Asking, Question = 99, LastSeen = Time.GetUtcNow().ToUnixTimeSeconds(), StartedAt = 1 };
        await store.CommitAsync(broken, 0, Commit("b1", misfit), default);
        await bot.IdleAsync();
        sender.Sent.Clear();

        Time.Advance(TimeSpan.FromHours(25));
        await bot.Sweeper!.SweepOnceAsync(default);
        await bot.IdleAsync();

        var (userId, replies) = Assert.Single(sender.Sent);
        Assert.Equal(Person.UserId, userId);
        Assert.Equal(ReplyKind.Reminder, replies[0].Kind);
        // Put off, not claimed again on the next pass.
        Assert.DoesNotContain(broken, await sweep.ClaimDueAsync(Time.GetUtcNow(), 100, default));
    }

    [Fact]
    public async Task Sweeper_RepliesStillQueuedInThisProcess_NotSentAgain()
    {
        var (store, _, sweep) = await CreateAsync();
        var sender = new RecordingSender(Person.Channel);
        await using var bot = await Pipeline(store, sweep, sender);
        var release = new TaskCompletionSource();
        sender.Hold = release.Task;
        await bot.Service.HandleAsync(new InboundMessage(Person, "m1", Input.Start()), default);

        Time.Advance(TimeSpan.FromMinutes(5));
        await bot.Sweeper!.SweepOnceAsync(default);
        release.SetResult();
        await bot.IdleAsync();

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task ClaimUnsent_WhileTurnsAreMarkedSent_EveryClaimCarriesItsReplies()
    {
        var (store, _, sweep) = await CreateAsync();
        var people = Enumerable.Range(0, 2000).Select(i => new ConversationKey(Channel.Telegram, $"{700_000 + i}")).ToList();
        foreach (var person in people)
        {
            await store.CommitAsync(person, 0, Commit("m1", ConversationState.Initial with { LastSeen = 1 }, [Reply.Plain("Hola")], awaitingSend: true), default);
        }

        Time.Advance(TimeSpan.FromMinutes(5));
        // The dispatcher confirms sends while the sweeper looks for replies never confirmed.
        var marking = Task.WhenAll(people.Chunk(50).Select(chunk => Task.Run(async () =>
        {
            foreach (var person in chunk)
            {
                await store.MarkSentAsync(person, store.TurnOf("m1"), default);
            }
        })));
        var claimed = new List<PendingReplies>();
        while (!marking.IsCompleted)
        {
            // Each pass claims everything still unsent again.
            Time.Advance(TimeSpan.FromMinutes(5));
            claimed.AddRange(await sweep.ClaimUnsentAsync(Time.GetUtcNow(), 10_000, default));
        }

        await marking;
        Assert.All(claimed, pending => Assert.Equal("Hola", Assert.Single(pending.Replies).Text));
        Assert.Empty(await sweep.ClaimUnsentAsync(Time.GetUtcNow().AddHours(1), 1000, default));
    }

    protected static Pseudonymizer Pseudonymizer { get; } = new("contract"u8.ToArray());

    protected ConversationSchedule Schedule { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromDays(30));

    /// <summary>One bot process over <paramref name="store"/>; it sends only with a <paramref name="sender"/>.</summary>
    protected Task<BotPipeline> Pipeline(IConversationStore store, ISweepSource? sweep = null, RecordingSender? sender = null) =>
        BotPipeline.StartAsync(store, sweep, sender, Pseudonymizer, Schedule, Time);

    protected static TurnCommit Commit(string id, ConversationState state, Reply[]? replies = null, bool awaitingSend = false) =>
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
