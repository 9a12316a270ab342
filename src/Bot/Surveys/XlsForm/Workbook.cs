using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>Reads and writes an .xlsx file's sheets as <see cref="Sheet"/>s, through the Open XML SDK.</summary>
public static class Workbook
{
    public static List<Sheet> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException($"{path}: not a workbook");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<Sheet>();
        foreach (var entry in workbook.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
        {
            var part = (WorksheetPart)workbook.GetPartById(entry.Id!);
            var rows = part.Worksheet.Descendants<Row>().ToList();
            var header = rows.FirstOrDefault(r => (r.RowIndex?.Value ?? 1) == 1);
            var columns = header is null ? [] : Cells(header).ToDictionary(c => c.Column, c => Value(c.Cell, shared).Trim());
            var sheet = new Sheet(entry.Name?.Value ?? "", [.. columns.OrderBy(c => c.Key).Select(c => c.Value)]);
            foreach (var row in rows.Where(r => r != header))
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (index, cell) in Cells(row))
                {
                    if (columns.TryGetValue(index, out var column) && column.Length > 0 && Value(cell, shared) is { Length: > 0 } value)
                    {
                        cells[column] = value;
                    }
                }

                sheet.Rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? 0), cells));
            }

            sheets.Add(sheet);
        }

        return sheets;
    }

    public static void Write(string path, IEnumerable<Sheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(new Row(sheet.Columns.Select((c, i) => Cell(c, i, 1))) { RowIndex = 1 });
            foreach (var row in sheet.Rows)
            {
                data.Append(new Row(sheet.Columns.Select((c, i) => Cell(row[c], i, row.Number))) { RowIndex = (uint)row.Number });
            }

            part.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
    }

    private static Cell Cell(string text, int column, int row) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, CellReference = $"{ColumnName(column)}{row}" };

    /// <summary>0 → "A", 26 → "AA".</summary>
    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>A row's cells with their column index: from the reference ("C12" → 2), or by position when a writer left it out.</summary>
    private static IEnumerable<(int Column, Cell Cell)> Cells(Row row)
    {
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var letters = (cell.CellReference?.Value ?? "").TakeWhile(char.IsAsciiLetter).ToList();
            var column = letters.Count == 0 ? next : letters.Aggregate(0, (n, c) => (n * 26) + char.ToUpperInvariant(c) - 'A' + 1) - 1;
            next = column + 1;
            yield return (column, cell);
        }
    }

    private static string Value(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Count)
        {
            return shared[index];
        }

        // Booleans as XLSForm writes them ("required" as TRUE); numbers and formula results as they are stored.
        return cell.DataType?.Value == CellValues.Boolean ? (raw == "1" ? "true" : "false") : raw;
    }
}
