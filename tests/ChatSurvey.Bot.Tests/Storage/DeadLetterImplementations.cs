using System.Text;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Conversations.Redis;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;
using static ChatSurvey.Bot.Tests.Storage.Entries;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>SQLite with the in-memory outbox, and what only SQLite has: a file another writer can lock.</summary>
public sealed class SqliteDeadLetterTests : DeadLetterContractTests
{
    private readonly string _file = TempFiles.Sqlite("dead");

    public const string RefusePoison = "CREATE TRIGGER refuse_poison BEFORE INSERT ON answer_values WHEN NEW.text = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END";

    public const string AcceptPoison = "DROP TRIGGER refuse_poison";

    protected override string RefuseSql => RefusePoison;

    protected override string AcceptSql => AcceptPoison;

    [Fact]
    public async Task Worker_FileLockedByAnotherWriter_NothingDeadLetteredAndAllStoredOnceFree()
    {
        var (state, outbox) = await CreateOutboxAsync();
        await CommitAsync(state, "first", [.. Enumerable.Range(0, 5).Select(i => Completed($"p{i}", "m9"))]);
        await using (var holder = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var command = holder.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync();
            await StartWorkerAsync(outbox);
            await Eventually.Get(() => Task.FromResult(Log.Count(OutageLog)), n => n > 0, "a write to find the file locked");
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }

        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM responses"), n => n == 5, "the responses once the file is free");
        Assert.Equal(0, await Store.Count("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(0, Log.Count(RefusalLog));
    }

    // "Default Timeout": Microsoft.Data.Sqlite retries a busy database for this long (30 s by default) on top of the
    // busy_timeout; one second keeps the locked-file test short.
    protected override Task<SqlResponseStore> CreateStoreAsync() =>
        Task.FromResult(new SqlResponseStore(SqlDialect.Sqlite.CreateDataSource($"Data Source={_file};Default Timeout=1"), SqlDialect.Sqlite));

    protected override Task<(IConversationStore State, IOutbox Outbox)> CreateOutboxAsync()
    {
        var store = new InMemoryConversationStore(new ConversationSchedule(TimeSpan.FromHours(24), TimeSpan.FromDays(30)), TimeProvider.System);
        return Task.FromResult<(IConversationStore, IOutbox)>((store, store));
    }
}

/// <summary>PostgreSQL with the Redis outbox, and what only they have: a server that stops, bytes in a stream.</summary>
public sealed class PostgresDeadLetterTests(PostgresFixture postgres, RedisFixture redis) : DeadLetterContractTests, IClassFixture<PostgresFixture>, IClassFixture<RedisFixture>
{
    // One bucket: everything lands in one stream, in the order the test writes it.
    private readonly RedisKeys _keys = new($"test:{Guid.NewGuid():N}:", 1);
    private ConnectionMultiplexer? _connection;

    protected override string RefuseSql => """
        CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.text = 'poison' THEN RAISE EXCEPTION 'refused'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_poison BEFORE INSERT ON answer_values FOR EACH ROW EXECUTE FUNCTION refuse_poison();
        """;

    protected override string AcceptSql => "DROP TRIGGER refuse_poison ON answer_values";

    [Fact]
    public async Task Worker_DatabaseStopped_NothingDeadLetteredAndAllStoredWhenBack()
    {
        var (state, outbox) = await CreateOutboxAsync();
        await CommitAsync(state, "first", [.. Enumerable.Range(0, 5).Select(i => Completed($"p{i}", "m9"))]);
        // The test server commits asynchronously and stops like a crash: a checkpoint first keeps the fresh schema.
        await Store.Execute("CHECKPOINT");
        await postgres.Server.StopAsync();
        try
        {
            await StartWorkerAsync(outbox);
            // More failed rounds than an entry has tries: none of them may count against the entries.
            await Eventually.Get(() => Task.FromResult(Log.Count(OutageLog)), n => n > OutboxWorker.MaxTries, "the worker to retry through the outage");
        }
        finally
        {
            await postgres.Server.StartProcessAsync();
        }

        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM responses"), n => n == 5, "the responses once the database is back");
        Assert.Equal(0, await Store.Count("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(0, Log.Count(RefusalLog));
    }

    [Fact]
    public async Task Worker_GarbageInTheRedisStream_DeadLetteredAtOnceAndTheEntriesAroundItStored()
    {
        var (state, outbox) = await CreateOutboxAsync();
        await CommitAsync(state, "before", [Completed("p0", "m9"), Completed("p1", "m9")]);
        var stream = _keys.Outbox(0);
        string[] garbage = ["{not json", """{"id":"anna:m1:0","channel":"web","respondent":"anna","event":{"type":"mystery"}}"""];
        foreach (var bad in garbage)
        {
            await _connection!.GetDatabase().StreamAddAsync(stream, "e", Encoding.UTF8.GetBytes(bad));
        }

        await _connection!.GetDatabase().StreamAddAsync(stream, "x", "no entry field");
        await CommitAsync(state, "after", [Completed("p2", "m9"), Completed("p3", "m9")]);
        await StartWorkerAsync(outbox);

        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM dead_letters"), n => n == 3, "the undecodable entries as dead letters");
        await Eventually.Get(() => Store.Count("SELECT COUNT(*) FROM responses"), n => n == 4, "the entries around them");
        string[] expected = ["|undecodable|1|x=no entry field", "|undecodable|1|{not json", $"anna|undecodable|1|{garbage[1]}"];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            (await Store.Column("SELECT COALESCE(respondent, '') || '|' || kind || '|' || attempts || '|' || convert_from(entry, 'UTF8') FROM dead_letters")).Order(StringComparer.Ordinal));
        // No clock had to move: undecodable entries get no second try.
        await Eventually.Get(async () => (await outbox.LagAsync(default)).Entries, n => n == 0, "the stream to be emptied");
    }

    protected override async Task<SqlResponseStore> CreateStoreAsync() =>
        new(SqlDialect.Postgres.CreateDataSource(await postgres.Server.CreateDatabaseAsync()), SqlDialect.Postgres);

    protected override async Task<(IConversationStore State, IOutbox Outbox)> CreateOutboxAsync()
    {
        _connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Endpoint);
        var options = new RedisOptions { Configuration = redis.Server.Endpoint, Buckets = _keys.Buckets };
        var schedule = new ConversationSchedule(TimeSpan.FromHours(24), TimeSpan.FromDays(30));
        var store = new RedisConversationStore(_connection, _keys, options, schedule, new Pseudonymizer("test"u8.ToArray()), TimeProvider.System);
        return (store, new RedisOutbox(_connection, _keys, TimeProvider.System));
    }

    protected override async Task DisposeOutboxAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
