using System.Text;
using ExcelDataReader;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>A workbook's sheets as rows of cell texts, read with ExcelDataReader (not the code that wrote it).</summary>
public static class XlsxSheets
{
    public static List<(string Name, List<List<string>> Rows)> Read(byte[] xlsx)
    {
        // ExcelDataReader looks up legacy code pages even for .xlsx; .NET has them only when registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var sheets = new List<(string, List<List<string>>)>();
        do
        {
            var rows = new List<List<string>>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString() ?? "")]);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }
}
