using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Dashboard.Exports;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// An export of a whole campaign waits for the database's sort before its first row (43 s for a million responses,
/// bench/README.md): longer than a command timeout. Here the wait comes from a lock held longer than a 1 s timeout.
/// </summary>
public sealed class ExportTimeoutTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Export_FirstRowLaterThanTheCommandTimeout_StillStreamsEveryResponse()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync() + ";Command Timeout=1";
        await using var store = new SqlResponseStore(SqlDialect.Postgres.CreateDataSource(connectionString), SqlDialect.Postgres);
        await store.MigrateAsync(default);
        await store.WriteAsync(new DashboardSeed().Entries(), default);
        var reader = new ResponseReader(new DashboardDb(store, Options.Create(new DashboardOptions())));

        await using var locker = new NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await using (var locking = new NpgsqlCommand("LOCK TABLE responses IN ACCESS EXCLUSIVE MODE", locker, transaction))
        {
            await locking.ExecuteNonQueryAsync();
        }

        var export = Task.Run(async () => await reader.ReadAsync(new DashboardFilter(null, null, null, null), default).CountAsync());
        await Task.Delay(TimeSpan.FromSeconds(3));
        await transaction.RollbackAsync();

        await using var count = new NpgsqlCommand("SELECT count(*) FROM responses", locker);
        var stored = (long)(await count.ExecuteScalarAsync())!;
        Assert.True(stored > 0);
        Assert.Equal(stored, await export);
    }
}
