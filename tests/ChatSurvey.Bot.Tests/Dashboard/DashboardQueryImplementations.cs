using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Bot.Tests.Storage;

namespace ChatSurvey.Bot.Tests.Dashboard;

public sealed class SqliteDashboardQueryTests : DashboardQueryTests
{
    protected override Task<SqlResponseStore> CreateAsync(TallySettings? settings = null)
    {
        var file = TempFiles.Sqlite("dashboard");
        return Task.FromResult(new SqlResponseStore(SqlDialect.Sqlite.CreateDataSource($"Data Source={file}"), SqlDialect.Sqlite, settings));
    }
}

public sealed class PostgresDashboardQueryTests(PostgresFixture postgres) : DashboardQueryTests, IClassFixture<PostgresFixture>
{
    protected override async Task<SqlResponseStore> CreateAsync(TallySettings? settings = null) =>
        new(SqlDialect.Postgres.CreateDataSource(await postgres.Server.CreateDatabaseAsync()), SqlDialect.Postgres, settings);
}
