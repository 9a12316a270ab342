using ChatSurvey.Bot.Dashboard.DeadLetters;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Surveys;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>The dashboard page, its live fragment (HTML) and the same figures as JSON.</summary>
public static class OverviewEndpoints
{
    public static RouteGroupBuilder MapOverview(this RouteGroupBuilder staff)
    {
        staff.MapGet("/", Page);
        staff.MapGet("/api/overview", Fragment);
        staff.MapGet("/api/overview.json", Json);
        return staff;
    }

    private static async Task<IResult> Page(
        HttpContext context, OverviewQueries queries, PromoterStore promoters, DeadLetterStore deadLetters, SurveyCatalog surveys, TimeProvider time, DashboardDb db, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var data = await queries.LoadAsync(filter, cancellationToken);
        var known = await promoters.ListAsync(cancellationToken);
        var waiting = await deadLetters.CountAsync(cancellationToken) ?? 0;
        var body = Markup.Of($"""
            <h1>Tablero</h1>
            {DeadLetterPage.Banner(waiting)}
            {FilterForm.Render("/staff", filter, known, surveys.Versions)}
            <div id="live" data-live="/staff/api/overview{filter.Query()}">
            {OverviewPage.Figures(data, time.GetUtcNow(), db.Offset)}
            </div>
            """);
        return Layout.Page(context, "Tablero", "/staff", body);
    }

    private static async Task<IResult> Fragment(HttpContext context, OverviewQueries queries, TimeProvider time, DashboardDb db, CancellationToken cancellationToken)
    {
        var data = await queries.LoadAsync(DashboardFilter.Parse(context.Request.Query), cancellationToken);
        return TypedResults.Content(OverviewPage.Figures(data, time.GetUtcNow(), db.Offset).Value, "text/html; charset=utf-8");
    }

    private static async Task<IResult> Json(HttpContext context, OverviewQueries queries, CancellationToken cancellationToken)
    {
        var data = await queries.LoadAsync(DashboardFilter.Parse(context.Request.Query), cancellationToken);
        var t = data.Totals;
        return TypedResults.Ok(new
        {
            started = t.Started,
            completed = t.Completed,
            completionRate = t.CompletionRate,
            medianSecondsToComplete = data.MedianTimeToComplete?.TotalSeconds,
            inProgress = t.InProgress,
            abandoned = t.Abandoned,
            cancelled = t.Cancelled,
            days = data.Days.Select(d => new { day = Format.Day(d.Day), started = d.Counts.Started, completed = d.Counts.Completed }),
            funnel = data.Funnel.Select(f => new { question = f.Question.Code, reached = f.Reached, answered = f.Answered, rejected = f.Rejected, abandoned = f.AbandonedHere }),
        });
    }
}
