using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Events;
using static ChatSurvey.Bot.Tests.Storage.Entries;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>The domain store's contract, run against SQLite and PostgreSQL alike.</summary>
public abstract class ResponseStoreContractTests : IAsyncLifetime
{
    protected SqlResponseStore Store { get; private set; } = null!;

    protected abstract Task<SqlResponseStore> CreateAsync();

    public async Task InitializeAsync() => Store = await CreateAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task Migrate_FromEmpty_ReachesLatestAndIsRepeatable()
    {
        await Store.MigrateAsync(default);
        await Store.MigrateAsync(default);
        Assert.Equal([.. Enumerable.Range(1, 12).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))], await Column("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Migrate_FromVersion1WithData_KeepsResponsesAndAddsContacts()
    {
        await Store.MigrateAsync(default, upTo: 1);
        // A response as version 1's code wrote it (today's writer needs today's tables).
        await using (var connection = await Store.OpenAsync(default))
        await using (var sql = new Sql(connection, null))
        {
            await sql.Execute(
                "INSERT INTO responses (id, survey_id, survey_version, channel, respondent, language, started_at, completed_at) VALUES ('r1', 'ogaipo-gobierno-abierto', '2022.1', 'web', 'anna', 'es', @at, @at)",
                ("at", Store.Dialect.Time(Started)));
        }

        await Store.MigrateAsync(default);
        Assert.Equal(["1"], await Column("SELECT COUNT(*) FROM responses"));
        Assert.Equal(["0"], await Column("SELECT COUNT(*) FROM contacts"));
    }

    [Fact]
    public async Task Write_SameEntriesDeliveredAgain_StoredExactlyOnce()
    {
        await Store.MigrateAsync(default);
        OutboxEntry[] batch = [Event("anna", "m1", new ConversationStarted(Started, "radio", "es")), Completed("anna", "m9")];
        await Store.WriteAsync(batch, default);
        await Store.WriteAsync(batch, default);
        await Store.WriteAsync([batch[1]], default);
        Assert.Equal(["1"], await Column("SELECT COUNT(*) FROM responses"));
        Assert.Equal(["5"], await Column("SELECT COUNT(*) FROM answer_values"));
        Assert.Equal(["2"], await Column("SELECT COUNT(*) FROM conversation_events"));
    }

    [Fact]
    public async Task Write_ContactConsent_AddressOnlyInContacts()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Completed("anna", "m9") with { Contact = "+5219511234567" }, Completed("ben", "m9")], default);
        Assert.Equal(["anna|whatsapp|+5219511234567|ogaipo-gobierno-abierto/2022.1"], await Column("SELECT respondent || '|' || channel || '|' || address || '|' || consent_version FROM contacts"));
    }

    [Fact]
    public async Task Delete_ByPersonOrByStaff_NoTraceLeft()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Event("anna", "m1", new ConversationStarted(Started, null, "es")), Completed("anna", "m9") with { Contact = "+5219511234567" }, Completed("ben", "m9")], default);
        await Store.WriteAsync([Event("anna", "m10", new DeletionRequested(Started.AddHours(1)))], default);

        foreach (var table in new[] { "responses", "conversation_events", "contacts" })
        {
            Assert.Equal(["0"], await Column($"SELECT COUNT(*) FROM {table} WHERE respondent = 'anna'"));
        }

        Assert.Equal(["5"], await Column("SELECT COUNT(*) FROM answer_values"));
        Assert.Equal(["deleted|"], await Column("SELECT type || '|' || COALESCE(respondent, '') FROM conversation_events WHERE type = 'deleted'"));

        await Store.WriteAsync([Event("ben", "staff", new DeletionRequested(Started.AddHours(1))) with { Channel = "staff" }], default);
        Assert.Equal(["0", "0"], [.. await Column("SELECT COUNT(*) FROM responses"), .. await Column("SELECT COUNT(*) FROM answer_values")]);
        Assert.Equal(["deleted|staff|"], await Column("SELECT type || '|' || channel || '|' || COALESCE(respondent, '') FROM conversation_events WHERE type = 'deleted' AND channel = 'staff'"));
    }

    [Fact]
    public async Task Delete_EntriesDatedBeforeItArrivingAfterIt_Dropped_LaterOnesKept()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Event("anna", "m1", new ConversationStarted(Started, null, "es"))], default);
        await Store.WriteAsync([Event("anna", "m10", new DeletionRequested(Started.AddHours(1)))], default);

        // Late: redelivered, claimed from a dead instance, or stuck behind a busy store. Then the same person again.
        await Store.WriteAsync([Completed("anna", "m9") with { Contact = "+5219511234567" }, Event("anna", "m2", new QuestionAsked(Started.AddMinutes(1), "q1"))], default);
        await Store.WriteAsync([Event("anna", "m11", new ConversationStarted(Started.AddHours(2), null, "es"))], default);

        Assert.Equal(["0", "0", "0"], [.. await Column("SELECT COUNT(*) FROM responses"), .. await Column("SELECT COUNT(*) FROM answer_values"), .. await Column("SELECT COUNT(*) FROM contacts")]);
        Assert.Equal(["started"], await Column("SELECT type FROM conversation_events WHERE respondent = 'anna'"));
        // The tombstone keeps a hash, not the pseudonym.
        Assert.Equal(["0"], await Column("SELECT COUNT(*) FROM tombstones WHERE respondent_hash = 'anna'"));
        Assert.Equal(["1"], await Column("SELECT COUNT(*) FROM tombstones"));
    }

    [Fact]
    public async Task Delete_ArrivingAfterWhatThePersonDidLater_KeepsTheLaterAndDeletesTheEarlier()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Completed("anna", "m9"), Event("anna", "m20", new ConversationStarted(Started.AddHours(2), null, "es"))], default);
        await Store.WriteAsync([Event("anna", "m10", new DeletionRequested(Started.AddHours(1))), Event("anna", "m8", new QuestionAsked(Started, "q1"))], default);

        Assert.Equal(["0"], await Column("SELECT COUNT(*) FROM responses"));
        Assert.Equal(["started"], await Column("SELECT type FROM conversation_events WHERE respondent = 'anna'"));
    }

    [Fact]
    public async Task Delete_PersonWithDeadLetters_TheirDeadLettersGoToo()
    {
        await Store.MigrateAsync(default);
        var deadLetters = new DeadLetterStore(Store, TimeProvider.System);
        await deadLetters.AddRefusedAsync(Completed("anna", "m9"), 3, new InvalidOperationException("refused"), default);
        await deadLetters.AddRefusedAsync(Completed("ben", "m9"), 3, new InvalidOperationException("refused"), default);

        await Store.WriteAsync([Event("anna", "m10", new DeletionRequested(Started.AddHours(1)))], default);
        Assert.Equal(["ben"], await Column("SELECT respondent FROM dead_letters"));
        await Store.WriteAsync([Event("ben", "m10", new DeletionRequested(Started.AddHours(1)))], default);
        Assert.Equal(["0"], await Column("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task RetentionPurge_ContactsPastTheirYear_RemovedAndCountedResponsesKept()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Completed("anna", "m9") with { Contact = "+5219511234567" }], default);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Started.AddDays(300));
        var purge = new RetentionPurge(Store, new RetentionOptions(), time, Microsoft.Extensions.Logging.Abstractions.NullLogger<RetentionPurge>.Instance);

        await purge.PurgeOnceAsync(default);
        Assert.Equal(["1"], await Column("SELECT COUNT(*) FROM contacts"));
        time.Advance(TimeSpan.FromDays(100));
        await purge.PurgeOnceAsync(default);

        Assert.Equal(["0"], await Column("SELECT COUNT(*) FROM contacts"));
        Assert.Equal(["1"], await Column("SELECT COUNT(*) FROM responses"));
        Assert.Equal(["contacts|1"], await Column("SELECT kind || '|' || removed FROM purge_log"));
    }

    [Fact]
    public async Task RetentionPurge_AbandonedEventsWhenConfigured_OnlyThoseOfPeopleWhoNeverCompleted()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Event("anna", "m1", new ConversationStarted(Started, null, "es")), Completed("anna", "m9"), Event("ben", "m1", new ConversationStarted(Started, null, "es")), Event("ben", "m2", new QuestionAsked(Started, "q1"))], default);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Started.AddDays(100));
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<RetentionPurge>.Instance;

        await new RetentionPurge(Store, new RetentionOptions(), time, logger).PurgeOnceAsync(default);
        Assert.Equal(["2"], await Column("SELECT COUNT(*) FROM conversation_events WHERE respondent = 'ben'"));
        await new RetentionPurge(Store, new RetentionOptions { AbandonedEvents = TimeSpan.FromDays(90) }, time, logger).PurgeOnceAsync(default);

        Assert.Equal(["0"], await Column("SELECT COUNT(*) FROM conversation_events WHERE respondent = 'ben'"));
        Assert.Equal(["2"], await Column("SELECT COUNT(*) FROM conversation_events WHERE respondent = 'anna'"));
        Assert.Equal(["abandoned_events|2"], await Column("SELECT kind || '|' || removed FROM purge_log"));
    }

    [Fact]
    public async Task Queries_SameDataOnEitherDatabase_SameResults()
    {
        await Store.MigrateAsync(default);
        await Store.WriteAsync([Completed("anna", "m9"), Completed("ben", "m9"), Completed("carla", "m9", promoter: "radio")], default);
        Assert.Equal(["q1|si|3", "q11|salud|3", "q12|si|3", "q5|B|3"], await Column("SELECT question || '|' || option_code || '|' || COUNT(*) FROM answer_values WHERE option_code IS NOT NULL GROUP BY question, option_code ORDER BY question, option_code"));
        Assert.Equal(["|2", "radio|1"], await Column("SELECT COALESCE(promoter, '') || '|' || COUNT(*) FROM responses GROUP BY promoter ORDER BY promoter NULLS FIRST"));
        Assert.Equal(["Falta de agua"], await Column("SELECT DISTINCT text FROM answer_values WHERE question = 'q9' AND row_code = 'problema_1'"));
        Assert.Equal(["3"], await Column("SELECT COUNT(*) FROM responses WHERE completed_at >= @from AND completed_at < @to", ("from", Store.Dialect.Time(Started)), ("to", Store.Dialect.Time(Started.AddDays(1)))));
    }

    private Task<List<string>> Column(string text, params (string Name, object? Value)[] parameters) => Store.Column(text, parameters);
}

public sealed class SqliteResponseStoreTests : ResponseStoreContractTests
{
    protected override Task<SqlResponseStore> CreateAsync()
    {
        var file = TempFiles.Sqlite("store");
        return Task.FromResult(new SqlResponseStore(SqlDialect.Sqlite.CreateDataSource($"Data Source={file}"), SqlDialect.Sqlite));
    }
}

public sealed class PostgresResponseStoreTests(PostgresFixture postgres) : ResponseStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override async Task<SqlResponseStore> CreateAsync() =>
        new(SqlDialect.Postgres.CreateDataSource(await postgres.Server.CreateDatabaseAsync()), SqlDialect.Postgres);
}

public sealed class PostgresFixture : IAsyncLifetime
{
    public Infrastructure.PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Infrastructure.PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
