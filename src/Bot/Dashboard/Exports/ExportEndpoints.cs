using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Surveys;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// The export page and the downloads. Every download streams (no buffering, so 1,000,000 responses take the memory of
/// one) and takes the dashboard's filter: channel, promoter, and the days the conversations started. A filter that
/// cannot be applied (a range the wrong way round) is refused with 400 and its reason.
/// </summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder staff)
    {
        staff.MapGet("/exports", Page);
        staff.MapGet("/export/responses.csv", Csv).AddEndpointFilter(ValidFilter);
        staff.MapGet("/export/responses.xlsx", Xlsx).AddEndpointFilter(ValidFilter);
        staff.MapGet("/export/responses.jsonl", JsonLines).AddEndpointFilter(ValidFilter);
        staff.MapGet("/export/dictionary.csv", Dictionary);
        staff.MapGet("/export/results.csv", ResultsCsv).AddEndpointFilter(ValidFilter);
        staff.MapGet("/export/results.xlsx", ResultsXlsx).AddEndpointFilter(ValidFilter);
        staff.MapGet("/export/funnel.csv", FunnelCsv).AddEndpointFilter(ValidFilter);
        staff.MapGet("/export/open-data.zip", OpenData).AddEndpointFilter(ValidFilter);
        return staff;
    }

    private static async Task<IResult> Page(HttpContext context, PromoterStore promoters, SurveyCatalog surveys, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var publish = Markup.When(context.User.IsInRole(Auth.StaffRoles.Admin), Markup.Of($"""
            <h2>Publicar datos abiertos</h2>
            <p>Las publicaciones salen solas cada cierto tiempo (PublicResults:ReleaseInterval). Para publicar una ahora, con las respuestas de hoy y solo los textos aprobados:</p>
            <form method="post" action="/staff/admin/releases" class="inline">{Forms.Antiforgery(context)}<button type="submit">Publicar ahora</button></form>
            """));
        return Layout.Page(context, "Exportar", "/staff/exports", ExportsPage.Render(filter, await promoters.ListAsync(cancellationToken), surveys.Versions, db.Today(time), publish));
    }

    private static async ValueTask<object?> ValidFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        DashboardFilter.Parse(context.HttpContext.Request.Query).Problem is { } problem
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest)
            : await next(context);

    /// <summary>The columns of the filtered version (the current one when every version is asked for); codes or labels as asked.</summary>
    private static ExportLayout StaffLayout(HttpContext context, SurveyCatalog surveys, DashboardFilter filter) =>
        ExportLayout.Staff(surveys.ForVersion(filter.Version), labels: context.Request.Query["values"] == "labels");

    private static async Task Csv(HttpContext context, CsvExport export, SurveyCatalog surveys)
    {
        Download(context, CsvWriter.ContentType, "respuestas", "csv");
        var filter = DashboardFilter.Parse(context.Request.Query);
        await export.WriteAsync(context.Response.Body, StaffLayout(context, surveys, filter), filter, context.RequestAborted);
    }

    private static async Task Xlsx(HttpContext context, XlsxExport export, SurveyCatalog surveys)
    {
        Download(context, XlsxWriter.ContentType, "respuestas", "xlsx");
        var filter = DashboardFilter.Parse(context.Request.Query);
        await export.WriteAsync(context.Response.Body, StaffLayout(context, surveys, filter), filter, context.RequestAborted);
    }

    private static async Task JsonLines(HttpContext context, JsonLinesExport export)
    {
        Download(context, JsonLinesExport.ContentType, "respuestas", "jsonl");
        await export.WriteAsync(context.Response.Body, DashboardFilter.Parse(context.Request.Query), context.RequestAborted);
    }

    private static async Task Dictionary(HttpContext context, SurveyCatalog surveys)
    {
        Download(context, CsvWriter.ContentType, "diccionario", "csv");
        await DataDictionaryCsv.WriteAsync(context.Response.Body, ExportLayout.Staff(surveys.ForVersion(DashboardFilter.Parse(context.Request.Query).Version)));
    }

    private static async Task ResultsCsv(HttpContext context, ResultsQueries queries, SurveyCatalog surveys)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var data = await queries.LoadAsync(filter, context.RequestAborted);
        Download(context, CsvWriter.ContentType, "resultados", "csv");
        await TableFiles.CsvAsync(context.Response.Body, ResultsTable.Columns, ResultsTable.Groups(surveys.ForVersion(filter.Version), data).SelectMany(g => g).Select(r => ResultsTable.Cells(r)));
    }

    private static async Task FunnelCsv(HttpContext context, OverviewQueries queries)
    {
        var data = await queries.LoadAsync(DashboardFilter.Parse(context.Request.Query), context.RequestAborted);
        Download(context, CsvWriter.ContentType, "embudo", "csv");
        await TableFiles.CsvAsync(context.Response.Body, FunnelTable.Columns, data.Funnel.Select(s => FunnelTable.Cells(s, Exact)));
    }

    private static async Task ResultsXlsx(HttpContext context, ResultsQueries results, OverviewQueries overview, SurveyCatalog surveys)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var data = await results.LoadAsync(filter, context.RequestAborted);
        var funnel = (await overview.LoadAsync(filter, context.RequestAborted)).Funnel;
        Download(context, XlsxWriter.ContentType, "resultados", "xlsx");
        await using var workbook = await XlsxWriter.CreateAsync(context.Response.Body, context.RequestAborted);
        await TableFiles.SheetAsync(workbook, "resultados", ResultsTable.Columns, ResultsTable.Groups(surveys.ForVersion(filter.Version), data).SelectMany(g => g).Select(r => ResultsTable.Cells(r)), context.RequestAborted);
        await TableFiles.SheetAsync(workbook, "embudo", FunnelTable.Columns, funnel.Select(s => FunnelTable.Cells(s, Exact)), context.RequestAborted);
    }

    private static async Task OpenData(HttpContext context, OpenDataPackage package)
    {
        Download(context, OpenDataPackage.ContentType, "datos-abiertos", "zip");
        var includeTexts = context.Request.Query["texts"] == "1";
        await package.WriteAsync(context.Response.Body, DashboardFilter.Parse(context.Request.Query), includeTexts, context.RequestAborted);
    }

    private static string? Exact(long count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Download(HttpContext context, string contentType, string name, string extension)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var range = filter.From is null && filter.To is null ? "" : $"-{filter.From?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}-{filter.To?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}{range}.{extension}\"";
        context.Response.Headers.CacheControl = "no-store";
    }
}
