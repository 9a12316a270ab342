using System.IO.Compression;
using ChatSurvey.Bot.Dashboard.Exports;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Results;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// Publishes an open-data release: a zip with datapackage.json (its permanent identifier and address, how to cite it,
/// the license and source, what was withheld, a table schema for each file), respuestas.csv (one row per response: no
/// pseudonyms, contacts or times of day; free texts only where approved; a promoter code, language or day that fewer
/// than PublicResults:MinCount responses share is left empty), diccionario.csv, and the aggregated results and funnel
/// with small counts withheld. The zip is stored as it is written (ChunkStream) and never changes afterwards.
/// </summary>
public sealed class ReleaseBuilder(
    ReleaseStore releases, PublicResults results, CsvExport csv, DashboardDb db, IOptions<DashboardOptions> dashboard, IOptions<PublicOptions> options)
{
    /// <summary>The columns of respuestas.csv whose rare values could point at a person, and the SQL that counts them.</summary>
    private static readonly (string Column, string Value)[] Rare =
    [
        ("promoter", "COALESCE(r.promoter, '')"), ("language", "r.language"), ("started_on", "{started}"), ("completed_on", "{completed}"),
    ];

    /// <returns>The release, or null when there is nothing to publish yet (fewer responses than PublicResults:MinCount).</returns>
    public async Task<Release?> PublishAsync(CancellationToken cancellationToken)
    {
        var snapshot = await results.ComputeAsync(cancellationToken);
        if (snapshot.Results.Responses < options.Value.MinCount)
        {
            return null;
        }

        var now = snapshot.GeneratedAt;
        var id = await releases.NextIdAsync(DateOnly.FromDateTime(now.ToOffset(db.Offset).DateTime), cancellationToken);
        var build = Guid.NewGuid().ToString("N");
        var layout = ExportLayout.OpenData(snapshot.Survey, includeTexts: true);
        var rare = await RareValuesAsync(cancellationToken);
        var withheld = $"Se dejan vacíos los valores de promotor, idioma y día que comparten menos de {options.Value.MinCount} respuestas, y en los resultados agregados las cuentas menores a {options.Value.MinCount} (y las que permitirían deducirlas).";
        var info = new DataPackageDescriptor.ReleaseInfo(id, Url($"/resultados/datos/{id}.zip"), Citation(snapshot.Survey.Definition.Title.Default, id, now), withheld);
        await using var chunks = new ChunkStream(releases, build, cancellationToken);
        await using (var body = new AsyncFlushingStream(chunks))
        {
            var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            await using (zip)
            {
                await EntryAsync(zip, body, "datapackage.json", entry => DataPackageDescriptor.WriteAsync(entry, snapshot.Survey, layout, dashboard.Value, now, includeTexts: true, info), cancellationToken);
                await EntryAsync(zip, body, DataPackageDescriptor.ResponsesFile, entry => csv.WriteAsync(entry, layout, DashboardFilter.All, cancellationToken, approvedTextsOnly: true, adjust: row => Withhold(layout, rare, row)), cancellationToken);
                await EntryAsync(zip, body, DataPackageDescriptor.DictionaryFile, entry => DataDictionaryCsv.WriteAsync(entry, layout), cancellationToken);
                await EntryAsync(zip, body, DataPackageDescriptor.ResultsFile, entry => TableFiles.CsvAsync(entry, ResultsTable.Columns, PublicTables.Results(snapshot, results.Suppression)), cancellationToken);
                await EntryAsync(zip, body, DataPackageDescriptor.FunnelFile, entry => TableFiles.CsvAsync(entry, FunnelTable.Columns, snapshot.Figures.Funnel.Select(s => FunnelTable.Cells(s, PublicTables.Count(results.Suppression)))), cancellationToken);
            }

            await body.FlushAsync(cancellationToken);
        }

        var (bytes, sha256) = await chunks.CompleteAsync();
        var release = new Release(id, now, snapshot.Survey.Definition.Version, snapshot.Results.Responses, bytes, sha256, build);
        return await releases.PublishAsync(release, cancellationToken) ? release : null;
    }

    /// <summary>Where a path of this site is, for citations: Dashboard:PublicBaseUrl, or the path alone where it is not set (Development).</summary>
    public string Url(string path) => dashboard.Value.PublicBaseUrl is { Length: > 0 } site ? site.TrimEnd('/') + path : path;

    private string Citation(string title, string id, DateTimeOffset at) =>
        $"Secretariado Técnico de Gobierno Abierto del Estado de Oaxaca (STGAO) / OGAIPO. {title}: datos abiertos, publicación {id} ({Html.Format.Date(DateOnly.FromDateTime(at.ToOffset(db.Offset).DateTime))}). {Url($"/resultados/datos/{id}.zip")}. Licencia {dashboard.Value.LicenseTitle}.";

    private static async Task EntryAsync(ZipArchive zip, AsyncFlushingStream body, string name, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        await using (var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken))
        {
            await write(entry);
        }

        await body.FlushAsync(cancellationToken);
    }

    /// <summary>The values of the rare-value columns that fewer than PublicResults:MinCount responses share.</summary>
    private async Task<HashSet<(string Column, string Value)>> RareValuesAsync(CancellationToken cancellationToken)
    {
        var union = string.Join(" UNION ALL ", Rare.Select(r =>
        {
            var value = r.Value.Replace("{started}", db.Day("r.started_at"), StringComparison.Ordinal).Replace("{completed}", db.Day("r.completed_at"), StringComparison.Ordinal);
            return $"SELECT '{r.Column}', {value}, COUNT(*) FROM responses r GROUP BY {value}";
        }));
        var counts = await db.ListAsync(union, [], r => (Column: r.GetString(0), Value: r.GetString(1), Count: DashboardDb.ReadLong(r, 2)), cancellationToken);
        return [.. counts.Where(c => c.Count < options.Value.MinCount).Select(c => (c.Column, c.Value))];
    }

    private static void Withhold(ExportLayout layout, HashSet<(string Column, string Value)> rare, string?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (rare.Contains((layout.Columns[i].Name, row[i] ?? "")))
            {
                row[i] = null;
            }
        }
    }
}
