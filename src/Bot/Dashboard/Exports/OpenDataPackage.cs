using System.IO.Compression;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// The open-data package as a zip written straight to the response: datapackage.json, then respuestas.csv streamed
/// from the database (the zip's entries carry their sizes after the data, so nothing is buffered), then the dictionary.
/// </summary>
public sealed class OpenDataPackage(CsvExport csv, SurveyCatalog surveys, IOptions<DashboardOptions> options, TimeProvider time)
{
    public const string ContentType = "application/zip";

    public async Task WriteAsync(Stream output, DashboardFilter filter, bool includeTexts, CancellationToken cancellationToken)
    {
        var survey = surveys.ForVersion(filter.Version);
        var layout = ExportLayout.OpenData(survey, includeTexts);
        await using var body = new AsyncFlushingStream(output);
        var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using (zip)
        {
            await using (var entry = await zip.CreateEntry("datapackage.json", CompressionLevel.Optimal).OpenAsync(cancellationToken))
            {
                await DataPackageDescriptor.WriteAsync(entry, survey, layout, options.Value, time.GetUtcNow(), includeTexts);
            }

            await body.FlushAsync(cancellationToken);
            await using (var entry = await zip.CreateEntry(DataPackageDescriptor.ResponsesFile, CompressionLevel.Optimal).OpenAsync(cancellationToken))
            {
                await csv.WriteAsync(entry, layout, filter, cancellationToken);
            }

            await body.FlushAsync(cancellationToken);
            await using (var entry = await zip.CreateEntry(DataPackageDescriptor.DictionaryFile, CompressionLevel.Optimal).OpenAsync(cancellationToken))
            {
                await DataDictionaryCsv.WriteAsync(entry, layout);
            }
        }

        await body.FlushAsync(cancellationToken);
    }
}
