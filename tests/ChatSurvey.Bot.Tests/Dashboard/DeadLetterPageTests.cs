using System.Net;
using System.Text.Json;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Storage;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// Dead letters in the running bot (SQLite, in-memory state): /readyz and the metrics say so, the dashboard warns, and
/// an admin re-drives or discards them over HTTP.
/// </summary>
public sealed class DeadLetterPageTests
{
    private const string Page = "/staff/dead-letters";

    [Fact]
    public async Task Readyz_DeadLetterWaiting_DegradedWithTheCountStill200AndCounted()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        await PoisonAsync(host);

        using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("degraded", ready.GetProperty("status").GetString());
        Assert.Equal(1, ready.GetProperty("deadLetters").GetInt64());
        // Other tests' hosts share the process's meters, so counts are at least ours (the gauge's value: DeadLetterContractTests).
        var metrics = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.True(PrometheusText.Value(metrics, "chatsurvey_outbox_dead_letters_total", "kind=\"refused\"") >= 1, metrics);
        Assert.Contains("chatsurvey_outbox_dead_letters_waiting", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_DeadLetterWaiting_BannerAndAListWithoutTheTextNorActionsForStaff()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        await PoisonAsync(host);
        using var staff = await StaffClient.SignedInAsync(host, StaffAccounts.Staff);

        var overview = await staff.GetStringAsync("/staff");
        Assert.Contains("1 respuesta o evento no se pudo guardar en la base de datos", overview, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}\">revisar</a>", overview, StringComparison.Ordinal);
        var list = await staff.GetStringAsync(Page);
        Assert.Contains("<td>WhatsApp</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td>Rechazada</td>", list, StringComparison.Ordinal);
        Assert.Contains("<code>SQLite Error 19: &#39;refused&#39;.</code>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("poison", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Reintentar", list, StringComparison.Ordinal);
        using var retry = await staff.PostFormAsync(Page, $"{Page}/retry", []);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
    }

    [Fact]
    public async Task Redrive_AdminThroughHttp_StaysWhileRefusedThenStoredAfterTheFix()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        await PoisonAsync(host);
        var store = host.Get<SqlResponseStore>();
        var id = Assert.Single(await store.Column("SELECT id FROM dead_letters"));
        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);

        using (var stillRefused = await admin.PostFormAsync(Page, $"{Page}/retry", new() { ["id"] = id }))
        {
            Assert.Equal(HttpStatusCode.OK, stillRefused.StatusCode);
            Assert.Contains("Reintento. Guardadas: 0. Siguen fallando: 1", await stillRefused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([$"{OutboxWorker.MaxTries + 1}"], await store.Column("SELECT attempts FROM dead_letters"));
        await store.Execute(SqliteDeadLetterTests.AcceptPoison);
        using (var all = await admin.PostFormAsync(Page, $"{Page}/retry", []))
        {
            var html = await all.Content.ReadAsStringAsync();
            Assert.Contains("Reintento. Guardadas: 1. Siguen fallando: 0.", html, StringComparison.Ordinal);
            Assert.Contains("No hay nada sin guardar.", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await store.Count("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(["anna", "ben"], await store.Column("SELECT respondent FROM responses ORDER BY respondent"));
        Assert.Equal("ready", JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative))).RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("no se pudo guardar", await admin.GetStringAsync("/staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discard_Undecodable_NotReDrivableAndGoneOnlyWithTheConfirmation()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        await host.Get<DeadLetterStore>().AddUndecodableAsync(new UndecodableEntry("test/1-0", "{not json"u8.ToArray(), "'n' is an invalid start of a property name."), default);
        var store = host.Get<SqlResponseStore>();
        var id = Assert.Single(await store.Column("SELECT id FROM dead_letters"));
        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);

        var list = await admin.GetStringAsync(Page);
        Assert.Contains("<td>Ilegible</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">Reintentar</button>", list, StringComparison.Ordinal);
        using (var download = await admin.GetAsync($"{Page}/{id}/entry"))
        {
            Assert.Equal("{not json"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
        }

        using (var unconfirmed = await admin.PostFormAsync(Page, $"{Page}/discard", new() { ["id"] = id }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        }

        Assert.Equal(1, await store.Count("SELECT COUNT(*) FROM dead_letters"));
        using var confirmed = await admin.PostFormAsync(Page, $"{Page}/discard", new() { ["id"] = id, ["confirm"] = "1" });
        Assert.Contains("Descartada.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await store.Count("SELECT COUNT(*) FROM dead_letters"));
    }

    /// <summary>Anna's response has a text the database refuses, ben's does not; waits until anna's is a dead letter.</summary>
    private static async Task PoisonAsync(BotHost host)
    {
        var store = host.Get<SqlResponseStore>();
        await store.Execute(SqliteDeadLetterTests.RefusePoison);
        await Entries.CommitAsync(host.Get<IConversationStore>(), "poisoned", [Entries.Completed("anna", "m9", text: "poison"), Entries.Completed("ben", "m9")]);
        await Eventually.Get(() => store.Count("SELECT COUNT(*) FROM dead_letters"), n => n == 1, "the refused response to become a dead letter");
    }
}
