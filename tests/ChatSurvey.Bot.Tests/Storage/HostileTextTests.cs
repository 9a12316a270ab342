using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>What people paste, end to end on PostgreSQL: control characters and 8,000-character messages.</summary>
public sealed class HostileTextTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task NulBelEscInFreeText_StoredWithoutThem_AndTheNextPersonIsStoredToo()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var host = await BotHost.StartAsync(Settings(database));
        var hostile = SurveyScript.Answers.Select(a => a switch
        {
            "Perifoneo" => "Peri\u0000foneo",
            "Falta de agua" => "\u0007Falta de\u001B[31m agua",
            "Migrantes" => "Migran\u0000tes\u0085",
            _ => a,
        });
        await Complete(host, hostile);
        await Complete(host, SurveyScript.Answers);

        await Eventually.Get(() => PostgresQuery.Count(database, "SELECT COUNT(*) FROM responses"), n => n == 2, "both responses in PostgreSQL");
        var texts = await PostgresQuery.Strings(database, "SELECT question || '|' || text FROM answer_values WHERE question IN ('q3_otro', 'q8_otro', 'q9') AND row_code IS DISTINCT FROM 'problema_2' ORDER BY response_id, question");
        Assert.Equal(2, texts.Count(t => t == "q3_otro|Perifoneo"));
        Assert.Equal(2, texts.Count(t => t == "q8_otro|Migrantes"));
        Assert.Contains("q9|Falta de[31m agua", texts);
        Assert.Equal(0, await PostgresQuery.Count(database, "SELECT COUNT(*) FROM answer_values WHERE text ~ '[\\x01-\\x08\\x0b-\\x1f\\x7f]'"));
    }

    [Fact]
    public async Task EightThousandCharacters_AtEveryStep_AnsweredAndTheSurveyGoesOn()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var host = await BotHost.StartAsync(Settings(database));
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        string[] pasted = [string.Concat(Enumerable.Repeat("y ", 4000)), string.Concat(Enumerable.Repeat("1,", 4000)), new string('b', 8000)];
        for (var i = 0; i < SurveyScript.Answers.Count; i++)
        {
            var reply = await chat.Send(pasted[i % pasted.Length]);
            Assert.NotEmpty(reply.Replies);
            await chat.Send(SurveyScript.Answers[i]);
        }

        Assert.Contains("gracias", chat.LastText, StringComparison.OrdinalIgnoreCase);
        await Eventually.Get(() => PostgresQuery.Count(database, "SELECT COUNT(*) FROM responses"), n => n == 1, "the response in PostgreSQL");
    }

    private static Dictionary<string, string?> Settings(string database) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:ChatSurvey"] = database,
    };

    private static async Task Complete(BotHost host, IEnumerable<string> answers)
    {
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        foreach (var answer in answers)
        {
            await chat.Send(answer);
        }

        Assert.Contains("gracias", chat.LastText, StringComparison.OrdinalIgnoreCase);
    }
}
