using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Conversations.Redis;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Conversations;

/// <summary>
/// How a conversation lies in Redis: every value of its hash within 64 bytes, so that Redis at its defaults keeps the
/// hash as a compact listpack, the pending replies in a key of their own; and a conversation stored before that layout
/// (one long state field, the replies in field "r") still reads and continues.
/// </summary>
public abstract partial class RedisStoreContract
{
    private RedisKeys Keys => new(_prefix, 8);

    private IDatabase Db => _connections[0].GetDatabase();

    [Fact]
    public async Task Survey_AtItsLongestPointWithRepliesSent_HashIsAListpack()
    {
        var (store, _, _) = await CreateAsync();
        await using var bot = await Pipeline(store, sender: new RecordingSender(Person.Channel));
        string[] messages = ["/start", .. SurveyScript.Answers.SkipLast(1)];
        for (var i = 0; i < messages.Length; i++)
        {
            await bot.Service.HandleAsync(new InboundMessage(Person, $"m{i}", i == 0 ? Input.Start() : Input.FromText(messages[i])), default);
        }

        await bot.IdleAsync();
        var member = Pseudonymizer.For(Person);
        // The last replies' sent mark is held a moment before it is written.
        await Eventually.Get(() => Db.KeyExistsAsync(Keys.Replies(member)), exists => !exists, "the last sent mark");
        // The summary waits for "enviar": a state of about 200 bytes, in four fields.
        Assert.Contains("s3", await FieldNames(Person));
        Assert.Equal("listpack", await Db.KeyEncodingAsync(Keys.Conversation(member)));
    }

    [Fact]
    public async Task Commit_StateOver64Bytes_SameStateThroughLoadConflictAndDuplicate()
    {
        var (store, _, _) = await CreateAsync();
        var state = Promoted(150);
        await store.CommitAsync(Person, 0, Commit("m1", state), default);
        Assert.Contains("s2", await FieldNames(Person));

        var (other, _, _) = await CreateAsync();
        Assert.Equal(new StoredConversation(state, 1), await other.LoadAsync(Person, default));
        var conflict = await other.CommitAsync(Person, 0, Commit("m2", Promoted(10)), default);
        Assert.Equal((CommitOutcome.Conflict, new StoredConversation(state, 1)), (conflict.Outcome, conflict.Current));
        var duplicate = await other.CommitAsync(Person, 1, Commit("m1", Promoted(10)), default);
        Assert.Equal((CommitOutcome.Duplicate, new StoredConversation(state, 1)), (duplicate.Outcome, duplicate.Current));
    }

    /// <summary>The newest six messages are recognized when delivered again (Redis:MaxMarks), in 4 bytes each.</summary>
    [Fact]
    public async Task Marks_EightMessages_TheNewestSixRecognizedInTwentyFourBytes()
    {
        var (store, _, _) = await CreateAsync();
        for (var i = 1; i <= 8; i++)
        {
            await store.CommitAsync(Person, i - 1, Commit($"m{i}", Promoted(i)), default);
        }

        for (var i = 3; i <= 8; i++)
        {
            Assert.Equal(CommitOutcome.Duplicate, (await store.CommitAsync(Person, 8, Commit($"m{i}", Promoted(0)), default)).Outcome);
        }

        Assert.Equal(24, (await Db.HashGetAsync(Keys.Conversation(Pseudonymizer.For(Person)), "k")).Length());
        Assert.Equal(CommitOutcome.Committed, (await store.CommitAsync(Person, 8, Commit("m2", Promoted(0)), default)).Outcome);
    }

    [Fact]
    public async Task Commit_StateShrinks_NoChunkOfTheLongerOneLeft()
    {
        var (store, _, _) = await CreateAsync();
        await store.CommitAsync(Person, 0, Commit("m1", Promoted(300)), default);
        await store.CommitAsync(Person, 1, Commit("m2", Promoted(70)), default);

        Assert.Equal(["s", "s1"], (await FieldNames(Person)).Where(n => n.StartsWith('s')).Order(StringComparer.Ordinal));
        Assert.Equal(new StoredConversation(Promoted(70), 2), await (await CreateAsync()).Store.LoadAsync(Person, default));
    }

    [Fact]
    public async Task OldLayout_OneLongStateRepliesInTheHashAndLongMarks_ReadSentAgainAndContinued()
    {
        var (store, _, sweep) = await CreateAsync();
        var state = Promoted(150);
        await store.CommitAsync(Person, 0, Commit("m1", state, [Reply.Plain("Hola")], awaitingSend: true), default);
        // Rewritten as the code before issue 14 stored it: the whole state in "s", the pending replies in field "r".
        var member = Pseudonymizer.For(Person);
        var chunks = (await FieldNames(Person)).Where(n => n.StartsWith('s') && n != "s").Select(n => (RedisValue)n).ToArray();
        await Db.HashDeleteAsync(Keys.Conversation(member), chunks);
        await Db.HashSetAsync(Keys.Conversation(member), [new("s", StateSerializer.Serialize(state)), new("r", await Db.StringGetDeleteAsync(Keys.Replies(member)))]);
        // ...and the marks as 8-byte entries in field "m": the message id's 6-byte hash and a 2-byte hour.
        await Db.HashDeleteAsync(Keys.Conversation(member), "k");
        await Db.HashSetAsync(Keys.Conversation(member), "m", (byte[])[.. Convert.FromHexString(store.TurnOf("m1")), 0x4e, 0x20]);

        var (fresh, _, _) = await CreateAsync();
        Assert.Equal(new StoredConversation(state, 1), await fresh.LoadAsync(Person, default));
        var duplicate = await fresh.CommitAsync(Person, 1, Commit("m1", state), default);
        Assert.Equal("Hola", Assert.Single(duplicate.EarlierReplies!).Text);
        Time.Advance(TimeSpan.FromMinutes(5));
        var unsent = Assert.Single(await sweep.ClaimUnsentAsync(Time.GetUtcNow(), 10, default));
        Assert.Equal((Person, "Hola"), (unsent.Key, Assert.Single(unsent.Replies).Text));

        await fresh.MarkSentAsync(Person, unsent.Turn, default);
        Assert.DoesNotContain("r", await FieldNames(Person));
        Assert.Empty(await sweep.ClaimUnsentAsync(Time.GetUtcNow().AddHours(1), 10, default));
        var next = Promoted(90) with { Question = 1 };
        Assert.Equal(CommitOutcome.Committed, (await fresh.CommitAsync(Person, 1, Commit("m2", next), default)).Outcome);
        Assert.Equal(new StoredConversation(next, 2), await (await CreateAsync()).Store.LoadAsync(Person, default));
        // The old mark was taken over: "m1" delivered again is still recognized, and "m" is gone.
        Assert.Equal(CommitOutcome.Duplicate, (await fresh.CommitAsync(Person, 2, Commit("m1", next), default)).Outcome);
        Assert.Equal(["k"], (await FieldNames(Person)).Where(n => n is "k" or "m"));
    }

    [Fact]
    public async Task PendingReplies_KeptForTheResend_GoneAfterMarkSentEraseAndBorrar()
    {
        var (store, _, sweep) = await CreateAsync();
        // Without a sender every turn's replies stay pending, as in a process that died before sending them.
        await using var bot = await Pipeline(store);
        var sent = Person;
        var erased = new ConversationKey(Channel.Telegram, "222000111");
        var forgotten = new ConversationKey(Channel.Telegram, "333000111");
        ConversationKey[] people = [sent, erased, forgotten];
        foreach (var person in people)
        {
            await bot.Service.HandleAsync(new InboundMessage(person, "m1", Input.Start()), default);
            await bot.Service.HandleAsync(new InboundMessage(person, "m2", Input.FromText("si")), default);
            var member = Pseudonymizer.For(person);
            var lifetime = (await Db.KeyTimeToLiveAsync(Keys.Conversation(member)))!.Value;
            Assert.InRange((await Db.KeyTimeToLiveAsync(Keys.Replies(member)))!.Value, lifetime - TimeSpan.FromMinutes(1), lifetime);
        }

        Time.Advance(TimeSpan.FromMinutes(5));
        var claimed = await sweep.ClaimUnsentAsync(Time.GetUtcNow(), 10, default);
        Assert.Equal(people.ToHashSet(), claimed.Select(c => c.Key).ToHashSet());
        Assert.All(claimed, c => Assert.Contains("Pregunta 1 de 12", c.Replies[^1].Text, StringComparison.Ordinal));

        await store.MarkSentAsync(sent, claimed.Single(c => c.Key == sent).Turn, default);
        await bot.Service.EraseAsync(Pseudonymizer.For(erased), default);
        await bot.Service.HandleAsync(new InboundMessage(forgotten, "m3", Input.FromText("borrar")), default);
        await bot.Service.HandleAsync(new InboundMessage(forgotten, "m4", Input.FromText("1")), default);

        foreach (var person in people)
        {
            Assert.False(await Db.KeyExistsAsync(Keys.Replies(Pseudonymizer.For(person))));
        }

        Assert.False(await Db.KeyExistsAsync(Keys.Conversation(Pseudonymizer.For(forgotten))));
        Assert.Empty(await sweep.ClaimUnsentAsync(Time.GetUtcNow().AddHours(1), 10, default));
    }

    [Fact]
    public async Task MarkSentSoon_ManyPeople_OneScriptCallPerBucketAndMarksOfReplacedRepliesDropped()
    {
        var (store, _, sweep) = await CreateAsync();
        var people = Enumerable.Range(0, 40).Select(i => new ConversationKey(Channel.Telegram, $"{700_000 + i}")).ToList();
        Assert.Equal(8, people.Select(p => Keys.BucketOf(Pseudonymizer.For(p))).Distinct().Count());
        var asking = ConversationState.Initial with { Stage = Stage.Asking, LastSeen = 1, StartedAt = 1 };
        foreach (var person in people)
        {
            await store.CommitAsync(person, 0, Commit("m1", asking, [Reply.Plain("Pregunta 1")], awaitingSend: true), default);
        }

        var scriptsBefore = await ScriptCallsAsync();
        foreach (var person in people)
        {
            store.MarkSentSoon(person, store.TurnOf("m1"));
        }

        // Four people answer before their marks are written: their next replies are pending now.
        var answered = people.Take(4).ToList();
        foreach (var person in answered)
        {
            await store.CommitAsync(person, 1, Commit("m2", asking, [Reply.Plain("Pregunta 2")], awaitingSend: true), default);
        }

        foreach (var person in people.Skip(4))
        {
            await Eventually.Get(() => Db.KeyExistsAsync(Keys.Replies(Pseudonymizer.For(person))), exists => !exists, "the sent marks");
        }

        // 36 marks: at most one call per bucket, plus the four commits (each mark alone would be 36 calls).
        Assert.InRange(await ScriptCallsAsync() - scriptsBefore, 5, 8 + 4);
        Time.Advance(TimeSpan.FromMinutes(5));
        var unsent = await sweep.ClaimUnsentAsync(Time.GetUtcNow(), 100, default);
        Assert.Equal(answered.Select(p => (p, store.TurnOf("m2"))).ToHashSet(), unsent.Select(u => (u.Key, u.Turn)).ToHashSet());
    }

    [Fact]
    public async Task MarkSentSoon_StoreDisposed_HeldMarksWrittenAtOnce()
    {
        var (store, _, sweep) = await CreateAsync();
        var asking = ConversationState.Initial with { Stage = Stage.Asking, LastSeen = 1, StartedAt = 1 };
        await store.CommitAsync(Person, 0, Commit("m1", asking, [Reply.Plain("Pregunta 1")], awaitingSend: true), default);

        store.MarkSentSoon(Person, store.TurnOf("m1"));
        await ((IAsyncDisposable)store).DisposeAsync();

        Assert.False(await Db.KeyExistsAsync(Keys.Replies(Pseudonymizer.For(Person))));
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await sweep.ClaimUnsentAsync(Time.GetUtcNow(), 10, default));
    }

    /// <summary>Script calls (EVAL and EVALSHA) every server of the deployment has run, a cluster's masters summed.</summary>
    private async Task<long> ScriptCallsAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{configuration},allowAdmin=true");
        long calls = 0;
        foreach (var server in admin.GetServers().Where(s => !s.IsReplica))
        {
            var stats = (await server.InfoAsync("commandstats")).SelectMany(group => group);
            calls += stats.Where(s => s.Key is "cmdstat_evalsha" or "cmdstat_eval")
                .Sum(s => long.Parse(s.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return calls;
    }

    private static ConversationState Promoted(int length) =>
        ConversationState.Initial with { Stage = Stage.Asking, LastSeen = 100, StartedAt = 1, Promoter = new string('p', length) };

    private async Task<List<string>> FieldNames(ConversationKey key) =>
        [.. (await Db.HashKeysAsync(Keys.Conversation(Pseudonymizer.For(key)))).Select(n => (string)n!)];
}
