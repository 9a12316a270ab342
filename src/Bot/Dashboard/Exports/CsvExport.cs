using ChatSurvey.Bot.Dashboard.Filters;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>Responses as CSV, one row per response, streamed from the database to the stream as they are read.</summary>
public sealed class CsvExport(ResponseReader responses, DashboardDb db)
{
    /// <param name="approvedTextsOnly">Free texts only where staff approved them (a published release).</param>
    /// <param name="adjust">Changes a row's cells before it is written (a release withholds rare values).</param>
    public async Task WriteAsync(Stream output, ExportLayout layout, DashboardFilter filter, CancellationToken cancellationToken, bool approvedTextsOnly = false, Action<string?[]>? adjust = null)
    {
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(layout.Columns.Select(c => c.Name));
        await foreach (var response in responses.ReadAsync(filter, cancellationToken, approvedTextsOnly))
        {
            var row = layout.Row(response, db.Offset);
            adjust?.Invoke(row);
            await csv.WriteRowAsync(row);
        }
    }
}
