using ChatSurvey.Bot.Conversations.Redis;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations;

/// <summary>Chooses the conversation store: Redis when Redis:Configuration is set, the in-memory store otherwise.</summary>
public static class ConversationSetup
{
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection("Redis").Get<RedisOptions>() ?? new RedisOptions();
        var sweeper = configuration.GetSection("Reminders").Get<SweeperOptions>() ?? new SweeperOptions();
        services.AddSingleton(sweeper);
        services.AddSingleton(new ConversationSchedule(sweeper.After, redis.IdleExpiry));
        if (string.IsNullOrWhiteSpace(redis.Configuration))
        {
            services.AddSingleton<InMemoryConversationStore>();
            services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<InMemoryConversationStore>());
            services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<InMemoryConversationStore>());
            services.AddSingleton<ISweepSource>(sp => sp.GetRequiredService<InMemoryConversationStore>());
            return services;
        }

        var connection = ConfigurationOptions.Parse(redis.Configuration);
        // Start even while Redis is away: requests answer 503 and /readyz says why until it is back.
        connection.AbortOnConnectFail = false;
        // Fail at once while disconnected rather than queueing: the webhook answers 503 and the platform retries.
        connection.BacklogPolicy = BacklogPolicy.FailFast;
        // Completions on .NET's thread pool instead of the library's own ten dedicated threads, which on a small
        // machine (2 cores) only add context switches.
        connection.SocketManager = SocketManager.ThreadPool;
        services.AddSingleton(redis);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(connection));
        services.AddSingleton(new RedisKeys(redis.KeyPrefix, redis.Buckets));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<RedisConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<RedisConversationStore>());
        services.AddSingleton<ISweepSource, RedisSweepSource>();
        services.AddSingleton<IOutbox, RedisOutbox>();
        return services;
    }
}
