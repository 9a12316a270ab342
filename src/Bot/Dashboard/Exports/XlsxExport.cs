using ChatSurvey.Bot.Dashboard.Filters;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// Responses as a workbook: the first sheet has the CSV export's columns and rows, under two header rows (the column
/// names, then the question texts); the second sheet is the data dictionary. Streamed from the database like the CSV.
/// </summary>
public sealed class XlsxExport(ResponseReader responses, DashboardDb db)
{
    public const string ResponsesSheet = "respuestas";
    public const string DictionarySheet = "diccionario";

    public async Task WriteAsync(Stream output, ExportLayout layout, DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var workbook = await XlsxWriter.CreateAsync(output, cancellationToken);
        await workbook.BeginSheetAsync(ResponsesSheet, frozenRows: 2, cancellationToken);
        await workbook.WriteRowAsync(layout.Columns.Select(c => c.Name));
        await workbook.WriteRowAsync(layout.Columns.Select(c => c.Title));
        await foreach (var response in responses.ReadAsync(filter, cancellationToken))
        {
            await workbook.WriteRowAsync(layout.Row(response, db.Offset));
        }

        await TableFiles.SheetAsync(workbook, DictionarySheet, DataDictionaryCsv.Columns, DataDictionaryCsv.Rows(layout), cancellationToken);
    }
}
