using ChatSurvey.Bot.Dashboard.Filters;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>Responses as CSV, one row per response, streamed from the database to the stream as they are read.</summary>
public sealed class CsvExport(ResponseReader responses, DashboardDb db)
{
    public async Task WriteAsync(Stream output, ExportLayout layout, DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(layout.Columns.Select(c => c.Name));
        await foreach (var response in responses.ReadAsync(filter, cancellationToken))
        {
            await csv.WriteRowAsync(layout.Row(response, db.Offset));
        }
    }
}
