using System.Net;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Storage;
using ChatSurvey.Bot.Tests.WebChat;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>An admin deletes a person by pseudonym: nothing left in the domain store, and their conversation starts over.</summary>
public sealed class DeletionTests
{
    [Fact]
    public async Task DeleteByPseudonym_InMemoryState_NoRowsLeftAndTheChatStartsOver()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        var (_, chat) = await DeleteMidSurvey(host);
        await AssertStartsOver(chat);
    }

    [Fact]
    public async Task DeleteByPseudonym_RedisState_NoKeyLeftAndTheChatStartsOver()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await StaffAccounts.StartSeededAsync(null, new() { ["Redis:Configuration"] = redis.Endpoint });
        var (pseudonym, chat) = await DeleteMidSurvey(host);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var keys = connection.GetServer(redis.Endpoint).Keys(pattern: $"*{pseudonym}*").ToList();
        Assert.Empty(keys);
        foreach (var key in connection.GetServer(redis.Endpoint).Keys(pattern: "*").Where(k => connection.GetDatabase().KeyType(k) == RedisType.SortedSet))
        {
            Assert.Null(await connection.GetDatabase().SortedSetScoreAsync(key, pseudonym));
        }

        await AssertStartsOver(chat);
    }

    [Fact]
    public async Task Delete_NotAPseudonym_RefusedWithTheFormat()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);
        using var response = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["pseudonym"] = "+5219511234567" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("32 caracteres hexadecimales", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_UnknownPseudonym_NotFoundAndNothingLogged()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);
        using var response = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["pseudonym"] = new string('a', 32) });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No encontramos datos de esa persona", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.Get<SqlResponseStore>().Count("SELECT COUNT(*) FROM deletion_log"));
    }

    [Theory]
    [InlineData("9511234567")]
    [InlineData("+52 1 951 123 4567")]
    [InlineData("whatsapp:+5219511234567")]
    [InlineData("(951) 123-45-67")]
    public async Task Delete_ByWhatsAppNumberWrittenAnyWay_FoundDeletedAndLoggedWithoutThePerson(string typed)
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        var pseudonym = host.Get<Pseudonymizer>().For(new ConversationKey(Channel.WhatsApp, "+5219511234567"));
        await host.Get<SqlResponseStore>().WriteAsync([Storage.Entries.Event(pseudonym, "m1", new Domain.Events.ConversationStarted(Storage.Entries.Started, null, "es")), Storage.Entries.Completed(pseudonym, "m9")], default);
        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);

        using var found = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["channel"] = "whatsapp", ["address"] = typed });
        var page = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("1 respuesta completa (5 valores), 2 eventos", page, StringComparison.Ordinal);
        Assert.DoesNotContain("9511234567", page, StringComparison.Ordinal);

        using var deleted = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["pseudonym"] = pseudonym, ["method"] = "telefono_o_id", ["confirm"] = "1" });
        Assert.Contains("se borraron 8 filas", await deleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Count(host, pseudonym));
        var log = await host.Get<SqlResponseStore>().Column("SELECT staff || '|' || method || '|' || rows_deleted || '|' || confirmed FROM deletion_log");
        Assert.Equal(["ana|telefono_o_id|8|1"], log);
    }

    /// <summary>A person is four answers into the survey when an admin deletes them.</summary>
    private static async Task<(string Pseudonym, WebChatClient Chat)> DeleteMidSurvey(BotHost host)
    {
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start radio_ixtlan");
        foreach (var answer in SurveyScript.Answers.Take(4))
        {
            await chat.Send(answer);
        }

        var pseudonym = host.Get<Pseudonymizer>().For(new ConversationKey(Channel.Web, chat.Conversation));
        await Eventually.Get(() => Count(host, pseudonym), n => n >= 5, "the conversation's events in the domain store");

        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);
        using var found = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["pseudonym"] = pseudonym.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("Encontramos datos de esta persona", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await Count(host, pseudonym) > 0);

        using var response = await admin.PostFormAsync("/staff/admin/delete", "/staff/admin/delete", new() { ["pseudonym"] = pseudonym, ["confirm"] = "1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no queda ningún dato", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Count(host, pseudonym));
        return (pseudonym, chat);
    }

    /// <summary>The next message finds no conversation: the bot starts over with the privacy notice.</summary>
    private static async Task AssertStartsOver(WebChatClient chat)
    {
        await chat.Send("si");
        Assert.Contains("Aviso de privacidad", chat.LastText, StringComparison.Ordinal);
    }

    private static async Task<long> Count(BotHost host, string pseudonym)
    {
        await using var connection = await host.Get<SqlResponseStore>().OpenAsync(default);
        await using var sql = new Sql(connection, null);
        return Convert.ToInt64(await sql.Scalar(
            "SELECT (SELECT COUNT(*) FROM conversation_events WHERE respondent = @r) + (SELECT COUNT(*) FROM responses WHERE respondent = @r)",
            ("r", pseudonym)), System.Globalization.CultureInfo.InvariantCulture);
    }
}
