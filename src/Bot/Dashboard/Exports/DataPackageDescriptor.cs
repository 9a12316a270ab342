using System.Text.Encodings.Web;
using System.Text.Json;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// datapackage.json of the open-data package (Frictionless Data Package, tabular profile): the license, the source,
/// and a table schema for each CSV (field names, types, titles, allowed codes), so a tool can check every cell.
/// </summary>
public static class DataPackageDescriptor
{
    public const string ResponsesFile = "respuestas.csv";
    public const string DictionaryFile = "diccionario.csv";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(Stream output, CompiledSurvey survey, ExportLayout layout, DashboardOptions options, DateTimeOffset now, bool includeTexts)
    {
        var definition = survey.Definition;
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("profile", "tabular-data-package");
        json.WriteString("name", $"{definition.Id}-{definition.Version}".ToLowerInvariant());
        json.WriteString("title", definition.Title.Default);
        json.WriteString("description", "Respuestas a la encuesta ciudadana de Gobierno Abierto de Oaxaca, una fila por respuesta completa, sin seudónimos ni datos de contacto. "
            + (includeTexts ? "Incluye los textos libres (los números de teléfono se ocultan)." : "Sin los textos libres."));
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
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void Resource(Utf8JsonWriter json, string name, string path, IReadOnlyList<ExportColumn> columns, string primaryKey)
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
        json.WriteString("primaryKey", primaryKey);
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
