using System.Text;
using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Tests.Common;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>
/// A third language added as files only (<see cref="ThirdLanguage"/>: the survey file with Esperanto texts and
/// languages/eo.json beside it), through the real host: offered, chosen, understood, stored and exported.
/// </summary>
public sealed class ThirdLanguageTests
{
    [Fact]
    public async Task WebChat_EsperantoAddedAsFiles_OfferedChosenUnderstoodAndExported()
    {
        var folder = Directory.CreateTempSubdirectory("chatsurvey-eo-").FullName;
        var survey = ThirdLanguage.WriteSurveysFolder(Path.Combine(AppContext.BaseDirectory, "surveys", "gobierno-abierto-2022.json"), folder);
        var settings = StaffAccounts.Settings();
        settings["Survey:Path"] = survey;
        await using var host = await BotHost.StartAsync(settings);
        var chat = new WebChatClient(host.Client);

        await chat.Send("hola");
        Assert.Contains("Elige tu idioma / Choose your language / Elektu vian lingvon", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(["Español", "English", "Esperanto"], chat.Last!.Replies[^1].Choices.Select(c => c.Label));
        await chat.Send("3");
        Assert.Contains("Saluton!", chat.LastText, StringComparison.Ordinal);
        // The rest of the 2022 script, with Esperanto words where the pack has them.
        string[] answers = ["jes", "jes", "ne", "unu kaj 8", "Perifoneo", "bonaj", .. SurveyScript.Answers.Skip(6)];
        foreach (var answer in answers)
        {
            await chat.Send(answer);
        }

        Assert.Contains("Koran dankon", chat.LastText, StringComparison.Ordinal);
        var response = Assert.Single(await Eventually.Get(() => host.QueryAsync("SELECT language FROM responses"), r => r.Count > 0, "the response in SQLite"));
        Assert.Equal("eo", response[0]);
        var values = (await host.QueryAsync("SELECT question, option_code FROM answer_values WHERE question IN ('q1', 'q2', 'q4')")).Select(v => string.Join('|', v));
        Assert.Equal(["q1|si", "q2|no", "q4|bueno"], values);

        using var staff = await StaffClient.SignedInAsync(host, StaffAccounts.Staff);
        var csvBytes = await (await staff.GetAsync("/staff/export/responses.csv")).Content.ReadAsByteArrayAsync();
        var csv = RfcCsv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3));
        Assert.Equal("eo", csv[1][csv[0].IndexOf("language")]);
        var xlsx = XlsxSheets.Read(await (await staff.GetAsync("/staff/export/responses.xlsx")).Content.ReadAsByteArrayAsync())[0].Rows;
        Assert.Equal("eo", xlsx[2][xlsx[0].IndexOf("language")]);
    }
}
