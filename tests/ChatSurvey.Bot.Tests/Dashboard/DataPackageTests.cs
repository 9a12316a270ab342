using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// The open-data package read as a Frictionless tool would: datapackage.json describes each CSV, every header is a
/// schema field in order, every cell parses as its field's type and respects its enum; no pseudonyms; texts on request.
/// </summary>
public sealed class DataPackageTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    [Fact]
    public async Task Package_WithoutTexts_ValidAgainstItsOwnSchemaAndAnonymous()
    {
        using var zip = await Download("/staff/export/open-data.zip");
        var descriptor = JsonDocument.Parse(Read(zip, "datapackage.json")).RootElement;

        Assert.Equal("tabular-data-package", descriptor.GetProperty("profile").GetString());
        Assert.Equal("CC-BY-4.0", descriptor.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.Contains("STGAO", descriptor.GetProperty("sources")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        foreach (var resource in descriptor.GetProperty("resources").EnumerateArray())
        {
            Validate(resource, Read(zip, resource.GetProperty("path").GetString()!));
        }

        var data = RfcCsv.Parse(Read(zip, "respuestas.csv"));
        Assert.Equal(new Expected(dashboard.Seed).Responses.Count, data.Count - 1);
        Assert.DoesNotContain("respondent", data[0]);
        Assert.DoesNotContain("q9.problema_1", data[0]);
        Assert.DoesNotContain("q3_otro", data[0]);
        Assert.DoesNotContain(dashboard.Seed.People, p => data.Any(row => row.Contains(p.Respondent)));
    }

    [Fact]
    public async Task Package_WithTextsChosen_TextColumnsIncludedAndStillValid()
    {
        using var zip = await Download("/staff/export/open-data.zip?texts=1&channel=web");
        var descriptor = JsonDocument.Parse(Read(zip, "datapackage.json")).RootElement;
        var responses = descriptor.GetProperty("resources")[0];
        Validate(responses, Read(zip, "respuestas.csv"));

        var data = RfcCsv.Parse(Read(zip, "respuestas.csv"));
        Assert.Contains("q9.problema_1", data[0]);
        Assert.Equal(new Expected(dashboard.Seed, channel: "web").Responses.Count, data.Count - 1);
    }

    private static void Validate(JsonElement resource, string csv)
    {
        var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
        var rows = RfcCsv.Parse(csv);
        Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), rows[0]);
        var key = resource.GetProperty("schema").GetProperty("primaryKey").GetString();
        Assert.Equal(rows.Count - 1, rows.Skip(1).Select(r => r[rows[0].IndexOf(key!)]).Distinct().Count());
        foreach (var row in rows.Skip(1))
        {
            for (var i = 0; i < fields.Count; i++)
            {
                Assert.True(Parses(fields[i], row[i]), $"{resource.GetProperty("name")}.{fields[i].GetProperty("name")}: '{row[i]}'");
            }
        }
    }

    private static bool Parses(JsonElement field, string cell)
    {
        if (cell.Length == 0)
        {
            return true; // missingValues: [""]
        }

        if (field.TryGetProperty("constraints", out var constraints) && !constraints.GetProperty("enum").EnumerateArray().Any(e => e.GetString() == cell))
        {
            return false;
        }

        return field.GetProperty("type").GetString() switch
        {
            "string" => true,
            "integer" => long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            "boolean" => field.GetProperty("trueValues").EnumerateArray().Concat(field.GetProperty("falseValues").EnumerateArray()).Any(v => v.GetString() == cell),
            "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "datetime" => DateTime.TryParseExact(cell, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            var type => throw new InvalidOperationException($"unexpected type {type}"),
        };
    }

    private async Task<ZipArchive> Download(string path)
    {
        using var response = await dashboard.Staff.GetAsync(path);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
