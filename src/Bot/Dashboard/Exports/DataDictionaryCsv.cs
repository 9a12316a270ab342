namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// The data dictionary as CSV: one row per export column with its type, question, kind, text and allowed codes
/// ("E=Excelente; B=Bueno; …"), so the exported codes can be read without the survey file. The workbook export carries
/// the same rows as its second sheet.
/// </summary>
public static class DataDictionaryCsv
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("column", "string", "Nombre de la columna en respuestas.csv"),
        new("type", "string", "Tipo de dato (Frictionless): string, boolean, date, datetime"),
        new("question", "string", "Código de la pregunta"),
        new("number", "integer", "Número de la pregunta en el formulario"),
        new("kind", "string", "Tipo de pregunta: YesNo, SingleChoice, MultipleChoice, Grid, Text, Ranked"),
        new("text", "string", "Texto de la pregunta (o descripción de la columna)"),
        new("codes", "string", "Códigos permitidos y su texto, separados por «; »"),
    ];

    public static async Task WriteAsync(Stream output, ExportLayout layout)
    {
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(Columns.Select(c => c.Name));
        foreach (var row in Rows(layout))
        {
            await csv.WriteRowAsync(row);
        }
    }

    /// <summary>One row per export column, in the order of <see cref="Columns"/>: what the CSV and the workbook's second sheet hold.</summary>
    public static IEnumerable<string?[]> Rows(ExportLayout layout) => layout.Columns.Select(column => new[]
    {
        column.Name,
        column.Type,
        column.Question,
        column.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        column.Kind,
        column.Title,
        column.Codes is null ? null : string.Join("; ", column.Codes.Select(c => $"{c.Code}={c.Text}")),
    });
}
