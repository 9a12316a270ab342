using System.Text.Encodings.Web;
using System.Text.Json;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// datapackage.json of the open-data package (Frictionless Data Package, tabular profile): the license, the source,
/// and a table schema for each CSV (field names, types, titles, allowed codes), so a tool can check every cell. A
/// published release adds its permanent identifier, how to cite it, what was withheld, and the aggregated tables.
/// </summary>
public static class DataPackageDescriptor
{
    public const string ResponsesFile = "respuestas.csv";
    public const string DictionaryFile = "diccionario.csv";
    public const string ResultsFile = "resultados.csv";
    public const string FunnelFile = "embudo.csv";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A release's own metadata: its identifier and permanent address, its citation, and what it withholds.</summary>
    public sealed record ReleaseInfo(string Id, string Url, string Citation, string Withheld);

    public static async Task WriteAsync(Stream output, CompiledSurvey survey, ExportLayout layout, DashboardOptions options, DateTimeOffset now, bool includeTexts, ReleaseInfo? release = null)
    {
        var definition = survey.Definition;
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("profile", "tabular-data-package");
        json.WriteString("name", $"{definition.Id}-{definition.Version}{(release is null ? "" : "-" + release.Id)}".ToLowerInvariant());
        if (release is not null)
        {
            json.WriteString("id", release.Url);
            json.WriteString("cita", release.Citation);
        }

        json.WriteString("title", definition.Title.Default);
        json.WriteString("description", "Respuestas a la encuesta ciudadana de Gobierno Abierto de Oaxaca, una fila por respuesta completa, sin seudónimos ni datos de contacto. "
            + (release is not null ? $"Incluye solo los textos libres que el Secretariado revisó y aprobó para publicar. {release.Withheld}"
                : includeTexts ? "Incluye los textos libres (los números de teléfono se ocultan)." : "Sin los textos libres."));
        json.WriteString("version", definition.Version);
        json.WriteString("created", ExportLayout.Utc(now));
        json.WriteString("homepage", "https://www.ogaipoaxaca.org.mx");
        json.WriteStartArray("keywords");
        foreach (var keyword in new[] { "gobierno abierto", "Oaxaca", "encuesta", "participación ciudadana", "transparencia" })
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
        json.WriteStartArray("licenses");
        json.WriteStartObject();
        json.WriteString("name", options.License);
        json.WriteString("path", options.LicenseUrl);
        json.WriteString("title", options.LicenseTitle);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("sources");
        json.WriteStartObject();
        json.WriteString("title", "Secretariado Técnico de Gobierno Abierto del Estado de Oaxaca (STGAO) / OGAIPO");
        json.WriteString("path", "https://www.ogaipoaxaca.org.mx");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("resources");
        Resource(json, "respuestas", ResponsesFile, layout.Columns, "id");
        Resource(json, "diccionario", DictionaryFile, DataDictionaryCsv.Columns, "columna");
        if (release is not null)
        {
            Resource(json, "resultados", ResultsFile, Results.ResultsTable.Columns, null);
            Resource(json, "embudo", FunnelFile, Overview.FunnelTable.Columns, "pregunta");
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void Resource(Utf8JsonWriter json, string name, string path, IReadOnlyList<ExportColumn> columns, string? primaryKey)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("path", path);
        json.WriteString("profile", "tabular-data-resource");
        json.WriteString("format", "csv");
        json.WriteString("mediatype", "text/csv");
        json.WriteString("encoding", "utf-8");
        json.WriteStartObject("dialect");
        json.WriteString("delimiter", ",");
        json.WriteString("lineTerminator", "\r\n");
        json.WriteString("quoteChar", "\"");
        json.WriteBoolean("doubleQuote", true);
        json.WriteBoolean("header", true);
        json.WriteEndObject();
        json.WriteStartObject("schema");
        json.WriteStartArray("fields");
        foreach (var column in columns)
        {
            Field(json, column);
        }

        json.WriteEndArray();
        if (primaryKey is not null)
        {
            json.WriteString("primaryKey", primaryKey);
        }

        json.WriteStartArray("missingValues");
        json.WriteStringValue("");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, ExportColumn column)
    {
        json.WriteStartObject();
        json.WriteString("name", column.Name);
        json.WriteString("type", column.Type);
        json.WriteString("title", column.Title);
        if (column.Type == "boolean")
        {
            json.WriteStartArray("trueValues");
            json.WriteStringValue("1");
            json.WriteEndArray();
            json.WriteStartArray("falseValues");
            json.WriteStringValue("0");
            json.WriteEndArray();
        }

        if (column.Codes is { } codes)
        {
            json.WriteString("description", string.Join("; ", codes.Select(c => $"{c.Code}={c.Text}")));
            json.WriteStartObject("constraints");
            json.WriteStartArray("enum");
            foreach (var (code, _) in codes)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
