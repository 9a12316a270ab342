using System.Text;
using System.Text.Json;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>CSV, JSON Lines and the data dictionary, downloaded as staff do, checked against the seed.</summary>
public sealed class ExportTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    [Fact]
    public async Task Csv_AllResponses_BomCrlfOneRowPerResponseAndFormulasNeutralized()
    {
        using var response = await dashboard.Staff.GetAsync("/staff/export/responses.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        var expected = new Expected(dashboard.Seed);
        Assert.Equal(expected.Responses.Count, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        Assert.Equal(["id", "respondent", "survey_version", "channel", "promoter", "language", "started_at", "completed_at", "q1", "q2", "q3.television"], header.Take(11));
        Assert.Contains("q11.rank5", header);
        Assert.Contains("q10.idea", header);

        // Every text the seed typed comes back, made harmless where a spreadsheet would run it.
        var cells = rows.Skip(1).SelectMany(r => r).ToHashSet();
        Assert.Contains("'=HYPERLINK(\"http://x.example\",\"clic\")", cells);
        Assert.Contains("'+1+2", cells);
        Assert.Contains("'-2+3", cells);
        Assert.Contains("'@SUM(A1)", cells);
        Assert.Contains("'\tTabulador", cells);
        Assert.Contains("\nRetorno", cells);
        Assert.Contains("Basura, drenaje y \"baches\"", cells);
        Assert.Contains("Línea uno\nlínea dos", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
    }

    [Fact]
    public async Task Xlsx_AllResponses_SameValuesAsTheCsvAndTheDictionarySheet()
    {
        using var response = await dashboard.Staff.GetAsync("/staff/export/responses.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheets = XlsxSheets.Read(await response.Content.ReadAsByteArrayAsync());
        var csvBytes = await (await dashboard.Staff.GetAsync("/staff/export/responses.csv")).Content.ReadAsByteArrayAsync();
        var csv = RfcCsv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3));
        var dictionaryBytes = await (await dashboard.Staff.GetAsync("/staff/export/dictionary.csv")).Content.ReadAsByteArrayAsync();
        var dictionary = RfcCsv.Parse(Encoding.UTF8.GetString(dictionaryBytes, 3, dictionaryBytes.Length - 3));

        Assert.Equal(["respuestas", "diccionario"], sheets.Select(s => s.Name));
        var rows = sheets[0].Rows;
        // Row 1: the CSV's header; row 2: the question texts; then the CSV's rows, value for value.
        Assert.Equal(csv[0], rows[0]);
        Assert.Equal("¿Has escuchado sobre \"Gobierno Abierto\" con anterioridad?", rows[1][csv[0].IndexOf("q1")]);
        Assert.Equal(csv.Skip(1).Select(r => r.ToList()), rows.Skip(2));
        Assert.Equal(dictionary.Select(r => r.ToList()), sheets[1].Rows);
        Assert.Contains("'=HYPERLINK(\"http://x.example\",\"clic\")", rows.SelectMany(r => r));
    }

    [Fact]
    public async Task Csv_OneRow_ValuesInTheirColumns()
    {
        var bytes = await (await dashboard.Staff.GetAsync("/staff/export/responses.csv")).Content.ReadAsByteArrayAsync();
        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        var person = dashboard.Seed.People.Single(p => p.Respondent == "late");
        var row = rows.Single(r => r[header.IndexOf("respondent")] == "late");
        string Cell(string column) => row[header.IndexOf(column)];

        Assert.Equal("web", Cell("channel"));
        Assert.Equal("radio_ixtlan", Cell("promoter"));
        Assert.Equal("2026-11-03T03:30:00Z", Cell("started_at"));
        Assert.Equal(person.Values.Single(v => v.Question == "q5" && v.Row == "uso_tic").Option, Cell("q5.uso_tic"));
        Assert.Equal(person.Values.Single(v => v.Question == "q11" && v.Rank == 3).Option, Cell("q11.rank3"));
        Assert.All(person.Values.Where(v => v.Question == "q3"), v => Assert.Equal("1", Cell($"q3.{v.Option}")));
        Assert.Equal(8 - person.Values.Count(v => v.Question == "q3"), header.Where(h => h.StartsWith("q3.", StringComparison.Ordinal)).Count(h => Cell(h) == "0"));
    }

    [Fact]
    public async Task Csv_DateRangeAndPromoter_OnlyThoseResponses()
    {
        var bytes = await (await dashboard.Staff.GetAsync("/staff/export/responses.csv?promoter=sec_mujeres&from=2026-11-03&to=2026-11-04")).Content.ReadAsByteArrayAsync();
        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var expected = new Expected(dashboard.Seed, promoter: "sec_mujeres", from: new DateOnly(2026, 11, 3), to: new DateOnly(2026, 11, 4));
        Assert.Equal(expected.Responses.Select(p => p.Respondent).Order(), rows.Skip(1).Select(r => r[1]).Order());
    }

    [Fact]
    public async Task JsonLines_AllResponses_OneObjectPerLineWithNestedAnswers()
    {
        using var response = await dashboard.Staff.GetAsync("/staff/export/responses.jsonl");
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(new Expected(dashboard.Seed).Responses.Count, lines.Length);

        var byRespondent = lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(j => j.GetProperty("respondent").GetString()!);
        var person = dashboard.Seed.People.Single(p => p.Respondent == "again");
        var answers = byRespondent["again"].GetProperty("answers");
        Assert.Equal(person.Values.Where(v => v.Question == "q11").OrderBy(v => v.Rank).Select(v => v.Option), answers.GetProperty("q11").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(person.Values.Single(v => v.Question == "q6" && v.Row == "combate_corrupcion").Option, answers.GetProperty("q6").GetProperty("combate_corrupcion").GetString());
        Assert.Equal(person.Values.Single(v => v.Question == "q1").Option, answers.GetProperty("q1").GetString());
        Assert.Equal("sec_mujeres", byRespondent["again"].GetProperty("promoter").GetString());
    }

    [Fact]
    public async Task Csv_WithLabels_OptionsTextsInsteadOfCodes()
    {
        var bytes = await (await dashboard.Staff.GetAsync("/staff/export/responses.csv?values=labels&promoter=sec_mujeres")).Content.ReadAsByteArrayAsync();
        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var row = rows.Skip(1).Single(r => r[rows[0].IndexOf("respondent")] == "again");
        var person = dashboard.Seed.People.Single(p => p.Respondent == "again");
        var q4 = person.Values.Single(v => v.Question == "q4").Option;
        var label = Infrastructure.TestSurvey.Compiled.Questions.Single(q => q.Code == "q4").Options.Single(o => o.Code == q4).Text.Default;

        Assert.Equal(label, row[rows[0].IndexOf("q4")]);
        Assert.Equal(person.Values.Any(v => v.Question == "q3" && v.Option == "radio") ? "Sí" : "No", row[rows[0].IndexOf("q3.radio")]);
        Assert.Equal(person.Values.Single(v => v.Question == "q1").Option == "si" ? "Sí" : "No", row[rows[0].IndexOf("q1")]);
    }

    [Fact]
    public async Task ResultsCsv_AllData_CountsPerOptionWithBaseAndPercentage()
    {
        var bytes = await (await dashboard.Staff.GetAsync("/staff/export/results.csv")).Content.ReadAsByteArrayAsync();
        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var expected = new Expected(dashboard.Seed);
        var header = rows[0];
        var q6 = rows.Single(r => r[0] == "q6" && r[header.IndexOf("rubro")] == "combate_corrupcion" && r[header.IndexOf("opcion")] == "P");

        Assert.Equal(["pregunta", "numero", "texto_pregunta", "rubro", "texto_rubro", "lugar", "opcion", "texto_opcion", "respuestas", "base", "porcentaje"], header);
        Assert.Equal(expected.Chose("q6", "P", row: "combate_corrupcion").ToString(System.Globalization.CultureInfo.InvariantCulture), q6[header.IndexOf("respuestas")]);
        Assert.Equal(expected.Responses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), q6[header.IndexOf("base")]);
        Assert.Equal("Combate a la corrupción", q6[header.IndexOf("texto_rubro")]);
    }

    [Fact]
    public async Task ResultsXlsx_AllData_ResultsAndFunnelSheets()
    {
        using var response = await dashboard.Staff.GetAsync("/staff/export/results.xlsx");
        var sheets = XlsxSheets.Read(await response.Content.ReadAsByteArrayAsync());
        var expected = new Expected(dashboard.Seed);

        Assert.Equal(["resultados", "embudo"], sheets.Select(s => s.Name));
        var funnel = sheets[1].Rows;
        Assert.Equal(expected.Reached("q5").ToString(System.Globalization.CultureInfo.InvariantCulture), funnel.Single(r => r[0] == "q5")[3]);
    }

    [Fact]
    public async Task Dictionary_EveryColumnOfTheCsv_WithTypeTextAndCodes()
    {
        var bytes = await (await dashboard.Staff.GetAsync("/staff/export/dictionary.csv")).Content.ReadAsByteArrayAsync();
        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var csv = await (await dashboard.Staff.GetAsync("/staff/export/responses.csv")).Content.ReadAsByteArrayAsync();
        var header = RfcCsv.Parse(Encoding.UTF8.GetString(csv, 3, csv.Length - 3))[0];

        Assert.Equal(["columna", "tipo", "pregunta", "numero", "clase", "texto", "codigos"], rows[0]);
        Assert.Equal(header, rows.Skip(1).Select(r => r[0]));
        var q4 = rows.Single(r => r[0] == "q4");
        Assert.Equal(["q4", "string", "q4", "4", "opcion_unica"], q4.Take(5));
        Assert.Equal("excelente=Excelente; bueno=Bueno; regular=Regular; malo=Malo; pesimo=Pésimo", q4[6]);
    }
}
