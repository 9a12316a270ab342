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
        new("columna", "string", "Nombre de la columna en respuestas.csv"),
        new("tipo", "string", "Tipo de dato (nombres de Frictionless Table Schema): string es texto, boolean es 1 o 0, date es un día AAAA-MM-DD, datetime una fecha y hora UTC"),
        new("pregunta", "string", "Código de la pregunta"),
        new("numero", "integer", "Número de la pregunta en el formulario"),
        new("clase", "string", "Clase de pregunta: si_no, opcion_unica, opcion_multiple, cuadricula, texto, orden"),
        new("texto", "string", "Texto de la pregunta (o descripción de la columna)"),
        new("codigos", "string", "Códigos permitidos y su texto, separados por «; »"),
    ];

    public static Task WriteAsync(Stream output, ExportLayout layout) => TableFiles.CsvAsync(output, Columns, Rows(layout));

    /// <summary>One row per export column, in the order of <see cref="Columns"/>: what the CSV and the workbook's second sheet hold.</summary>
    public static IEnumerable<string?[]> Rows(ExportLayout layout) => layout.Columns.Select(column => new string?[]
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
