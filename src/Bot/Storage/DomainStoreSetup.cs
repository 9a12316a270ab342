namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The domain store (SQLite by default, PostgreSQL with Database:Provider) and what writes to it: the outbox worker
/// (with tombstones and dead letters) and the retention purge.
/// </summary>
public static class DomainStoreSetup
{
    public static IServiceCollection AddDomainStore(this IServiceCollection services, IConfiguration configuration)
    {
        var dialect = SqlDialect.For(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("ChatSurvey") ?? "Data Source=chatsurvey.db";
        services.AddSingleton(new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect));
        services.AddSingleton<DeadLetterStore>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton(configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions());
        services.AddHostedService<RetentionPurge>();
        return services;
    }
}
