using System.Text.Json.Nodes;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Bot.Surveys.XlsForm;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Tests.Surveys;

/// <summary>XLSForm in and out, through real .xlsx files written and read with the Open XML SDK.</summary>
public sealed class XlsFormTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsurvey-xlsform-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RoundTrip_2022Form_ImportOfExportIsTheSameSurvey()
    {
        var form = Path.Combine(_folder, "form.xlsx");
        Workbook.Write(form, XlsFormExport.Sheets(TestSurvey.Compiled));

        var result = XlsFormImport.Read(Workbook.Read(form), form);

        Assert.Empty(result.Faults);
        Assert.True(JsonNode.DeepEquals(SurveyJson.ToNode(TestSurvey.Compiled.Definition), SurveyJson.ToNode(result.Survey!)), SurveyJson.Write(result.Survey!));
        Assert.Equal("Español", result.LanguageNames["es"]);
    }

    [Fact]
    public void Export_2022Form_HasTheXlsFormShape()
    {
        var sheets = XlsFormExport.Sheets(TestSurvey.Compiled);
        var survey = sheets.Single(s => s.Name == "survey");

        Assert.Equal(["survey", "choices", "settings"], sheets.Select(s => s.Name));
        Assert.Contains("label::Español (es)", survey.Columns);
        Assert.Contains("label::English (en)", survey.Columns);
        var grid = survey.Rows.Single(r => r["name"] == "q5");
        Assert.Equal(("begin_group", "table-list"), (grid["type"], grid["appearance"]));
        Assert.Equal("select_one q5", survey.Rows.Single(r => r["name"] == "q5_transparencia")["type"]);
        Assert.Equal(("rank q11", "5"), (survey.Rows.Single(r => r["name"] == "q11")["type"], survey.Rows.Single(r => r["name"] == "q11")["pick"]));
        Assert.Equal("selected(${q3}, 'otro')", survey.Rows.Single(r => r["name"] == "q3_otro")["relevant"]);
        Assert.Equal("string-length(.) <= 200", survey.Rows.Single(r => r["name"] == "q3_otro")["constraint"]);
        Assert.Equal("", survey.Rows.Single(r => r["name"] == "q10_idea")["required"]);
        Assert.Equal("Español (es)", sheets[2].Rows[0]["default_language"]);
    }

    [Fact]
    public void Import_KoboStyleForm_MapsWhatTheEngineAsks()
    {
        var result = Import(
            Survey(
                ["type", "name", "label::Español (es)", "label::Diidxazá (zap)", "required", "relevant", "hint"],
                ["start", "start", "", "", "", "", ""],
                ["acknowledge", "aviso", "Aviso de privacidad. ¿Aceptas?", "Aviso (zap)", "yes", "", ""],
                ["select_one yn", "conoce", "¿Conoces el gobierno abierto?", "¿… (zap)?", "yes", "", "Una pista"],
                ["select_multiple medios or_other", "medios", "¿Por qué medios?", "", "yes", "", ""],
                ["select_one escala", "calif", "¿Cómo la calificas?", "", "yes", "${conoce} = 'si'", ""],
                ["note", "gracias", "¡Gracias!", "Xquixepe’ lii", "", "", ""]),
            Choices(
                ["list_name", "name", "label::Español (es)", "label::Diidxazá (zap)", "aliases::Español (es)"],
                ["yn", "si", "Sí", "Ja", ""],
                ["yn", "no", "No", "Co", ""],
                ["medios", "radio", "Radio", "", "radiecito"],
                ["medios", "tele", "Televisión", "", ""],
                ["escala", "bueno", "Bueno", "", ""],
                ["escala", "malo", "Malo", "", ""]),
            Settings(["form_id", "version", "form_title", "default_language"], ["prueba", "1", "Prueba", "Español (es)"]));

        Assert.DoesNotContain(result.Faults, f => !f.IsWarning);
        var survey = result.Survey!;
        Assert.Equal(["es", "zap"], survey.Languages);
        Assert.Equal("Diidxazá", result.LanguageNames["zap"]);
        Assert.Equal(["conoce", "medios", "medios_other", "calif"], survey.Questions.Select(q => q.Code));
        Assert.Equal([QuestionKind.YesNo, QuestionKind.MultipleChoice, QuestionKind.Text, QuestionKind.SingleChoice], survey.Questions.Select(q => q.Kind));
        Assert.Equal([1, 2, 2, 3], survey.Questions.Select(q => q.Number));
        Assert.True(survey.Questions[1].Options[^1].IsOther);
        Assert.Equal(new FollowUpCondition("conoce", "si"), survey.Questions[3].When);
        Assert.Equal(["radiecito"], survey.Questions[1].Options[0].Aliases["es"]);
        Assert.Equal("Aviso (zap)", survey.Privacy.Get("zap"));
        Assert.Contains(result.Faults, f => f is { IsWarning: true, Row: 2, Column: "type" });
        Assert.Contains(result.Faults, f => f is { IsWarning: true, Row: 4, Column: "hint" });
    }

    [Fact]
    public void Import_UnsupportedForm_NamesSheetRowAndColumnOfEveryFault()
    {
        var result = Import(
            Survey(
                ["type", "name", "label", "relevant", "calculation", "constraint"],
                ["acknowledge", "aviso", "Aviso", "", "", ""],
                ["integer", "edad", "¿Edad?", "", "", ""],
                ["text", "nombre", "¿Nombre?", "${edad} > 18", "", ""],
                ["text", "doble", "¿Doble?", "", "1 + 1", "regex(., '^a')"],
                ["begin_repeat", "hijos", "Hijos", "", "", ""],
                ["note", "gracias", "Gracias", "", "", ""]),
            Choices(["list_name", "name", "label"]),
            Settings(["form_id", "version", "default_language"], ["prueba", "1", "es"]));

        Assert.Null(result.Survey);
        var faults = result.Faults.Where(f => !f.IsWarning).Select(f => (f.Sheet, f.Row, f.Column)).ToList();
        Assert.Contains(("survey", 3, "type"), faults);
        Assert.Contains(("survey", 4, "relevant"), faults);
        Assert.Contains(("survey", 5, "calculation"), faults);
        Assert.Contains(("survey", 5, "constraint"), faults);
        Assert.Contains(("survey", 6, "type"), faults);
        Assert.Contains("error: sheet survey, row 3, column type: 'integer' is not supported", string.Join('\n', result.Faults), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FaultTheLoaderFinds_IsNamedBySheetAndRow()
    {
        // Valid XLSForm, but the rank asks for more places than it has choices: the survey loader's rule.
        var result = Import(
            Survey(
                ["type", "name", "label", "required", "pick"],
                ["acknowledge", "aviso", "Aviso", "yes", ""],
                ["rank temas", "temas", "Ordena", "yes", "3"],
                ["note", "gracias", "Gracias", "", ""]),
            Choices(["list_name", "name", "label"], ["temas", "a", "A"], ["temas", "b", "B"]),
            Settings(["form_id", "version", "default_language"], ["prueba", "1", "es"]));

        var fault = Assert.Single(result.Faults, f => !f.IsWarning);
        Assert.Equal(("survey", 3, "pick"), (fault.Sheet, fault.Row, fault.Column));
        Assert.Contains("only 2 options", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_ImportThenCheck_WritesSurveyAndPacksThatLoad()
    {
        var form = Path.Combine(_folder, "form.xlsx");
        var third = Path.Combine(_folder, "third");
        Directory.CreateDirectory(third);
        var withEsperanto = new ChatSurvey.Domain.Conversations.CompiledSurvey(
            SurveyFile.Read(ChatSurvey.Tests.Common.ThirdLanguage.WriteSurveysFolder(SurveyFile.Resolve(new SurveyOptions().Path), third)),
            SurveyFile.Packs(Path.Combine(third, "gobierno-abierto-2022.json")));
        Workbook.Write(form, XlsFormExport.Sheets(withEsperanto));
        var output = new StringWriter();
        var errors = new StringWriter();

        var imported = SurveyCommand.Run(["import", form, "--out", Path.Combine(_folder, "out", "survey.json")], output, errors);

        Assert.True(imported == 0, errors.ToString());
        Assert.Empty(errors.ToString());
        Assert.Contains("languages/eo.json: the language pack of Esperanto, without texts yet", output.ToString(), StringComparison.Ordinal);
        var survey = SurveyFile.Load(new SurveyOptions { Path = Path.Combine(_folder, "out", "survey.json") });
        Assert.Equal(["es", "en", "eo"], survey.Languages);
        Assert.Equal("Esperanto", survey.Names[2]);
        Assert.True(SurveyCommand.Run(["check", Path.Combine(_folder, "out", "survey.json")], output, errors) == 0, errors.ToString());
        Assert.True(SurveyCommand.Run(["check", form], output, errors) == 0, errors.ToString());
    }

    private XlsFormImport.Result Import(params Sheet[] sheets)
    {
        // Through a real file, as staff's spreadsheets arrive.
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.xlsx");
        Workbook.Write(path, sheets);
        return XlsFormImport.Read(Workbook.Read(path), path);
    }

    private static Sheet Survey(string[] columns, params string[][] rows) => Filled("survey", columns, rows);

    private static Sheet Choices(string[] columns, params string[][] rows) => Filled("choices", columns, rows);

    private static Sheet Settings(string[] columns, params string[][] rows) => Filled("settings", columns, rows);

    private static Sheet Filled(string name, string[] columns, string[][] rows)
    {
        var sheet = new Sheet(name, columns);
        foreach (var values in rows)
        {
            var row = sheet.Add();
            for (var i = 0; i < columns.Length; i++)
            {
                if (values[i].Length > 0)
                {
                    row.Cells[columns[i]] = values[i];
                }
            }
        }

        return sheet;
    }
}
