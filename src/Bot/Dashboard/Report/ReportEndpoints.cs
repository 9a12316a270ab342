using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Surveys;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.Report;

/// <summary>
/// The report to hand on (/staff/report, with the dashboard's filter): a page without navigation that prints cleanly
/// to A4 and to PDF from the browser, stamped with what it covers.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReport(this RouteGroupBuilder staff)
    {
        staff.MapGet("/report", Report);
        return staff;
    }

    private static async Task<IResult> Report(
        HttpContext context, OverviewQueries overview, ResultsQueries results, PromoterStore promoters, SurveyCatalog surveys, DashboardDb db, TimeProvider time,
        IOptions<DashboardOptions> options, ConversationSchedule schedule, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        if (filter.Problem is { } problem)
        {
            return Layout.Page(context, "Informe", "/staff/results", Markup.Of($"""<h1>Informe</h1><p class="error" role="alert">{problem}</p>"""), StatusCodes.Status400BadRequest);
        }

        var survey = surveys.ForVersion(filter.Version);
        var known = await promoters.ListAsync(cancellationToken);
        var figures = await overview.LoadAsync(filter, cancellationToken);
        var data = await results.LoadAsync(filter, cancellationToken);
        var body = ReportPage.Render(survey, filter, known, figures, data, time.GetUtcNow(), db.Offset, options.Value.StoppedAfter, schedule.IdleExpiry);
        return Layout.Bare($"Informe de resultados", body, bodyClass: "report");
    }
}
