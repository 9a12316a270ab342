using ChatSurvey.Bot.Dashboard;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The domain store (SQLite by default, PostgreSQL with Database:Provider) and what writes to it: the outbox worker
/// (with tombstones and dead letters, and the dashboard's tallies), the silence check and the retention purge.
/// </summary>
public static class DomainStoreSetup
{
    public static IServiceCollection AddDomainStore(this IServiceCollection services, IConfiguration configuration)
    {
        var dialect = SqlDialect.For(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("ChatSurvey") ?? "Data Source=chatsurvey.db";
        // The tallies count days in the dashboard's offset and people as stopped after its silence.
        var dashboard = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var tallies = new Tallies.TallySettings(dashboard.UtcOffset, dashboard.StoppedAfter, TimeProvider.System);
        services.AddSingleton(new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect, tallies));
        services.AddHostedService<Tallies.SilenceCheck>();
        services.AddSingleton<DeadLetterStore>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton(configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions());
        services.AddHostedService<RetentionPurge>();
        return services;
    }
}
