using System.Text.Json.Nodes;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;
using Microsoft.Data.Sqlite;

namespace ChatSurvey.Bot.Tests.Surveys;

/// <summary>
/// Staff edit the survey file while people are half-way (a question removed, two options of the next one removed, the
/// version bumped) and restart the bot: those people finish on the version they started on, new people get the new
/// one, and when the old version is not available a person is told and starts afresh.
/// </summary>
public sealed class SurveyVersionTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsurvey-versions-").FullName;
    private RedisServer _redis = null!;

    private string SurveyPath => Path.Combine(_folder, "surveys", "gobierno-abierto-2022.json");

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "surveys"), Path.Combine(_folder, "surveys"));
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FileEditedMidConversation_TheyFinishOnTheirVersion_NewPeopleOnTheNewOne()
    {
        var database = Path.Combine(_folder, "shared.db");
        var token = await HalfWayAsync(database);
        EditTheFile();

        await using var after = await BotHost.StartAsync(Settings(database));
        var chat = new WebChatClient(after.Client, token);
        // Message ids of their own: the client before the restart used the first ones.
        foreach (var (answer, i) in SurveyScript.Answers.Skip(3).Select((a, i) => (a, i)))
        {
            await chat.Send(answer, $"after-restart-{i:D3}");
        }

        Assert.Contains("gracias", chat.LastText, StringComparison.OrdinalIgnoreCase);
        var newcomer = new WebChatClient(after.Client);
        await newcomer.Send("/start");
        await newcomer.Send("si");
        await newcomer.Send("si");
        Assert.Contains("Pregunta 2 de 11", newcomer.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("Radio", newcomer.LastText, StringComparison.Ordinal);

        var stored = await Eventually.Get(() => Query(database, "SELECT survey_version FROM responses"), r => r.Count == 1, "the response");
        Assert.Equal(["2022.1"], stored);
        var values = await Query(database, "SELECT question || '|' || COALESCE(option_code, '') || '|' || COALESCE(text, '') FROM answer_values WHERE question IN ('q2', 'q3', 'q3_otro') ORDER BY seq");
        Assert.Equal(["q2|no|", "q3|television|", "q3|otro|", "q3_otro||Perifoneo"], values);
        Assert.Contains("2022.2", await Eventually.Get(() => Query(database, "SELECT DISTINCT survey_version FROM conversation_events WHERE survey_version IS NOT NULL"), v => v.Count == 2, "events of both versions"));
    }

    [Fact]
    public async Task OldVersionNotAvailable_TheyAreToldAndStartAfresh()
    {
        var token = await HalfWayAsync(Path.Combine(_folder, "first.db"));
        EditTheFile();

        // Another database: it never saw the version they started on.
        await using var after = await BotHost.StartAsync(Settings(Path.Combine(_folder, "second.db")));
        var chat = new WebChatClient(after.Client, token);
        await chat.Send("1 y 8", "after-restart-000");

        Assert.Contains("La encuesta se actualizó", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("Aviso de privacidad", chat.LastText, StringComparison.Ordinal);
        await chat.Send("si", "after-restart-001");
        Assert.Contains("Pregunta 1 de 11", chat.LastText, StringComparison.Ordinal);
    }

    /// <summary>A person answers the consent, question 1 and question 2 on the original file, then the bot stops.</summary>
    private async Task<string> HalfWayAsync(string database)
    {
        await using var before = await BotHost.StartAsync(Settings(database));
        var chat = new WebChatClient(before.Client);
        await chat.Send("/start");
        foreach (var answer in SurveyScript.Answers.Take(3))
        {
            await chat.Send(answer);
        }

        Assert.Contains("Pregunta 3 de 12", chat.LastText, StringComparison.Ordinal);
        return chat.Token!;
    }

    /// <summary>Question 2 removed, "Radio" and "Revistas" gone from question 3, the numbers and the version updated.</summary>
    private void EditTheFile()
    {
        var survey = JsonNode.Parse(File.ReadAllText(SurveyPath))!.AsObject();
        survey["version"] = "2022.2";
        var questions = survey["questions"]!.AsArray();
        questions.Remove(questions.Single(q => q!["code"]!.GetValue<string>() == "q2"));
        var media = questions.Single(q => q!["code"]!.GetValue<string>() == "q3")!["options"]!.AsArray();
        foreach (var gone in media.Where(o => o!["code"]!.GetValue<string>() is "radio" or "revistas").ToList())
        {
            media.Remove(gone);
        }

        foreach (var question in questions)
        {
            var number = question!["number"]!.GetValue<int>();
            question["number"] = number > 2 ? number - 1 : number;
        }

        File.WriteAllText(SurveyPath, survey.ToJsonString());
    }

    private Dictionary<string, string?> Settings(string database) => new()
    {
        ["Survey:Path"] = SurveyPath,
        ["Redis:Configuration"] = _redis.Endpoint,
        ["ConnectionStrings:ChatSurvey"] = $"Data Source={database}",
    };

    private static async Task<List<string>> Query(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
