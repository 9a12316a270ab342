using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.DeadLetters;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Surveys;
using Microsoft.Extensions.Options;

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
        HttpContext context, OverviewQueries queries, PromoterStore promoters, DeadLetterStore deadLetters, SurveyCatalog surveys, TimeProvider time, DashboardDb db,
        IOptions<DashboardOptions> options, ConversationSchedule schedule, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var known = await promoters.ListAsync(cancellationToken);
        var waiting = await deadLetters.CountAsync(cancellationToken) ?? 0;
        var figures = Markup.Empty;
        if (filter.Problem is null)
        {
            var data = await queries.LoadAsync(filter, cancellationToken);
            figures = Markup.Of($"""
                <div id="live" data-live="/staff/api/overview{filter.Query()}">
                {OverviewPage.Figures(data, filter, known, time.GetUtcNow(), db.Offset, options.Value.StoppedAfter, schedule.IdleExpiry)}
                </div>
                """);
        }

        var body = Markup.Of($"""
            <h1>Tablero</h1>
            {DeadLetterPage.Banner(waiting)}
            {FilterForm.Render("/staff", filter, known, surveys.Versions, db.Today(time))}
            {figures}
            """);
        return Layout.Page(context, "Tablero", "/staff", body, filter.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Fragment(
        HttpContext context, OverviewQueries queries, PromoterStore promoters, TimeProvider time, DashboardDb db, IOptions<DashboardOptions> options, ConversationSchedule schedule, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        if (filter.Problem is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var data = await queries.LoadAsync(filter, cancellationToken);
        var html = OverviewPage.Figures(data, filter, await promoters.ListAsync(cancellationToken), time.GetUtcNow(), db.Offset, options.Value.StoppedAfter, schedule.IdleExpiry);
        return TypedResults.Content(html.Value, "text/html; charset=utf-8");
    }

    private static async Task<IResult> Json(HttpContext context, OverviewQueries queries, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        if (filter.Problem is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var data = await queries.LoadAsync(filter, cancellationToken);
        var t = data.Totals;
        object Row(ComparisonRow r) => new
        {
            key = r.Key,
            started = r.Counts.Started,
            completed = r.Counts.Completed,
            completionRate = r.Counts.CompletionRate,
            medianSecondsToComplete = r.Median?.TotalSeconds,
            mostLeftAt = r.MostLeft?.Question.Code,
        };
        return TypedResults.Ok(new
        {
            started = t.Started,
            completed = t.Completed,
            completionRate = t.CompletionRate,
            medianSecondsToComplete = data.MedianTimeToComplete?.TotalSeconds,
            inProgress = t.InProgress,
            stopped = t.Stopped,
            abandoned = t.Abandoned,
            cancelled = t.Cancelled,
            days = data.Days.Select(d => new { day = Format.Day(d.Day), started = d.Counts.Started, completed = d.Counts.Completed }),
            funnel = data.Funnel.Select(f => new { question = f.Question.Code, reached = f.Reached, answered = f.Answered, rejected = f.Rejected, stopped = f.Stopped, abandoned = f.Abandoned }),
            byChannel = data.ByChannel.Select(Row),
            byPromoter = data.ByPromoter.Select(Row),
        });
    }
}
