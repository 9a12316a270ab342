using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// The export page and the downloads. Every download streams (no buffering, so 1,000,000 responses take the memory of
/// one) and takes the dashboard's filter: channel, promoter, and the days the conversations started.
/// </summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder staff)
    {
        staff.MapGet("/exports", Page);
        staff.MapGet("/export/responses.csv", Csv);
        staff.MapGet("/export/responses.xlsx", Xlsx);
        staff.MapGet("/export/responses.jsonl", JsonLines);
        staff.MapGet("/export/dictionary.csv", Dictionary);
        staff.MapGet("/export/open-data.zip", OpenData);
        return staff;
    }

    private static async Task<IResult> Page(HttpContext context, PromoterStore promoters, SurveyCatalog surveys, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        return Layout.Page(context, "Exportar", "/staff/exports", ExportsPage.Render(filter, await promoters.ListAsync(cancellationToken), surveys.Versions));
    }

    /// <summary>The columns of the filtered version (the current one when every version is asked for).</summary>
    private static async Task Csv(HttpContext context, CsvExport export, SurveyCatalog surveys)
    {
        Download(context, CsvWriter.ContentType, "respuestas", "csv");
        var filter = DashboardFilter.Parse(context.Request.Query);
        await export.WriteAsync(context.Response.Body, ExportLayout.Staff(surveys.ForVersion(filter.Version)), filter, context.RequestAborted);
    }

    private static async Task Xlsx(HttpContext context, XlsxExport export, SurveyCatalog surveys)
    {
        Download(context, XlsxWriter.ContentType, "respuestas", "xlsx");
        var filter = DashboardFilter.Parse(context.Request.Query);
        await export.WriteAsync(context.Response.Body, ExportLayout.Staff(surveys.ForVersion(filter.Version)), filter, context.RequestAborted);
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

    private static async Task OpenData(HttpContext context, OpenDataPackage package)
    {
        Download(context, OpenDataPackage.ContentType, "datos-abiertos", "zip");
        var includeTexts = context.Request.Query["texts"] == "1";
        await package.WriteAsync(context.Response.Body, DashboardFilter.Parse(context.Request.Query), includeTexts, context.RequestAborted);
    }

    private static void Download(HttpContext context, string contentType, string name, string extension)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var range = filter.From is null && filter.To is null ? "" : $"-{filter.From?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}-{filter.To?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}{range}.{extension}\"";
        context.Response.Headers.CacheControl = "no-store";
    }
}
