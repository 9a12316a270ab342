namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>A small table (its columns' names as the header, then its rows) as CSV, or as a sheet of a workbook.</summary>
public static class TableFiles
{
    public static async Task CsvAsync(Stream output, IReadOnlyList<ExportColumn> columns, IEnumerable<string?[]> rows)
    {
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(columns.Select(c => c.Name));
        foreach (var row in rows)
        {
            await csv.WriteRowAsync(row);
        }
    }

    public static async Task SheetAsync(XlsxWriter workbook, string name, IReadOnlyList<ExportColumn> columns, IEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        await workbook.BeginSheetAsync(name, frozenRows: 1, cancellationToken);
        await workbook.WriteRowAsync(columns.Select(c => c.Name));
        foreach (var row in rows)
        {
            await workbook.WriteRowAsync(row);
        }
    }
}
