namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>
/// One sheet of a spreadsheet as XLSForm reads it: a header row naming the columns, then rows of cells by column name.
/// Rows keep their number in the spreadsheet (1 is the header), so that a fault can name where it is.
/// </summary>
public sealed class Sheet(string name, IReadOnlyList<string> columns)
{
    public string Name { get; } = name;

    /// <summary>The header row's names, trimmed, in column order.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    public List<SheetRow> Rows { get; } = [];

    /// <summary>A new row at the end (for writing), numbered after the header.</summary>
    public SheetRow Add()
    {
        var row = new SheetRow(Rows.Count + 2, new Dictionary<string, string>(StringComparer.Ordinal));
        Rows.Add(row);
        return row;
    }
}

/// <summary>A row's cells by column name; a blank cell is absent.</summary>
public sealed record SheetRow(int Number, Dictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : "";

    public bool IsBlank => Cells.Values.All(string.IsNullOrWhiteSpace);
}
