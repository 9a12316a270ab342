using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Conversations.Redis;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Conversations;

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    private InMemoryConversationStore? _store;

    // One process: every "instance" is the same store.
    protected override Task<(IConversationStore Store, IOutbox Outbox, ISweepSource Sweep)> CreateAsync()
    {
        _store ??= new InMemoryConversationStore(Schedule, Time);
        return Task.FromResult<(IConversationStore, IOutbox, ISweepSource)>((_store, _store, _store));
    }
}

public sealed class RedisStoreContractTests(RedisFixture redis) : RedisStoreContract(redis.Server.Endpoint), IClassFixture<RedisFixture>;

public sealed class RedisClusterStoreContractTests(RedisClusterFixture cluster) : RedisStoreContract(cluster.Cluster.Configuration), IClassFixture<RedisClusterFixture>;

/// <summary>Each test gets its own key prefix; each CreateAsync is a new connection and store, like another bot process.</summary>
public abstract partial class RedisStoreContract(string configuration) : StoreContractTests, IAsyncLifetime
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override async Task<(IConversationStore Store, IOutbox Outbox, ISweepSource Sweep)> CreateAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _connections.Add(connection);
        var options = new RedisOptions { Configuration = configuration, KeyPrefix = _prefix, Buckets = 8 };
        var keys = new RedisKeys(options.KeyPrefix, options.Buckets);
        var store = new RedisConversationStore(connection, keys, options, Schedule, Pseudonymizer, Time);
        return (store, new RedisOutbox(connection, keys, TimeProvider.System), new RedisSweepSource(connection, keys, Pseudonymizer, Time));
    }

    [Fact]
    public async Task ClaimDue_SeveralBuckets_EachPassStartsAtTheNextBucket()
    {
        var (store, _, sweep) = await CreateAsync();
        var keys = new RedisKeys(_prefix, 8);
        // Two people in two different buckets, both due.
        var people = Enumerable.Range(0, 100).Select(i => new ConversationKey(Channel.Telegram, $"{900_000 + i}"))
            .GroupBy(k => keys.BucketOf(Pseudonymizer.For(k))).Take(2).Select(g => g.First()).ToList();
        var silent = ConversationState.Initial with { Stage = Stage.Asking, LastSeen = Time.GetUtcNow().ToUnixTimeSeconds(), StartedAt = 1 };
        foreach (var person in people)
        {
            await store.CommitAsync(person, 0, new TurnCommit("m1", silent, [], [], AwaitingSend: false), default);
        }

        Time.Advance(TimeSpan.FromHours(25));
        var claimed = new HashSet<ConversationKey>();
        for (var pass = 0; pass < 8; pass++)
        {
            claimed.UnionWith(await sweep.ClaimDueAsync(Time.GetUtcNow(), 1, default));
        }

        Assert.Equal(people.ToHashSet(), claimed);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}

public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class RedisClusterFixture : IAsyncLifetime
{
    public RedisCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await RedisCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
