using System.Text;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// CSV as RFC 4180 writes it: comma-separated, CRLF after every record, a field in double quotes when it holds a comma,
/// a quote, CR or LF, and quotes inside doubled. UTF-8 with a byte-order mark, which Excel needs to read "Pésimo" right.
/// A cell that begins with = + - @ tab or CR would be read by a spreadsheet as a formula (OWASP "CSV injection"), so it
/// gets a leading apostrophe, which spreadsheets show as text and which changes no code the survey defines.
/// </summary>
public sealed class CsvWriter(Stream stream) : IAsyncDisposable
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
    private bool _started;

    public async Task WriteRowAsync(IEnumerable<string?> cells)
    {
        if (!_started)
        {
            _started = true;
            await _writer.WriteAsync('\uFEFF');
        }

        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                await _writer.WriteAsync(',');
            }

            first = false;
            await _writer.WriteAsync(Field(cell));
        }

        await _writer.WriteAsync("\r\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    /// <summary>The value with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Neutralize(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        value = Neutralize(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
