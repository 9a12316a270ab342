using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Results per question, the free texts, and the results as JSON.</summary>
public static class ResultsEndpoints
{
    public static RouteGroupBuilder MapResults(this RouteGroupBuilder staff)
    {
        staff.MapGet("/results", Results);
        staff.MapGet("/api/results.json", Json);
        return staff;
    }

    private static async Task<IResult> Results(HttpContext context, ResultsQueries queries, PromoterStore promoters, SurveyCatalog surveys, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var survey = surveys.ForVersion(filter.Version);
        var known = await promoters.ListAsync(cancellationToken);
        var results = Markup.Empty;
        if (filter.Problem is null)
        {
            var data = await queries.LoadAsync(filter, cancellationToken);
            results = ResultsPage.Render(survey, data, q => ResultsPage.TextLinks(q, data, filter));
        }

        var body = Markup.Of($"""
            <h1>Resultados por pregunta</h1>
            <p class="print-stamp">{survey.Definition.Title.Default} · versión {survey.Definition.Version} · {FilterForm.Describe(filter, known)} · generado {Format.Moment(time.GetUtcNow(), db.Offset)}</p>
            {FilterForm.Render("/staff/results", filter, known, surveys.Versions, db.Today(time))}
            <p class="actions-line"><a class="button" href="/staff/report{filter.Query()}">Informe para imprimir o guardar en PDF</a></p>
            {results}
            """);
        return Layout.Page(context, "Resultados", "/staff/results", body, filter.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Json(HttpContext context, ResultsQueries queries, SurveyCatalog surveys, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        if (filter.Problem is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var survey = surveys.ForVersion(filter.Version);
        var data = await queries.LoadAsync(filter, cancellationToken);
        return TypedResults.Ok(new
        {
            responses = data.Responses,
            questions = survey.Questions.Select(q => new
            {
                code = q.Code,
                answered = data.AnsweredCount(q.Code),
                values = data.Counts.Where(c => c.Key.Question == q.Code)
                    .Select(c => new { row = c.Key.Row, rank = c.Key.Rank, option = c.Key.Option, count = c.Value })
                    .OrderBy(v => v.row, StringComparer.Ordinal).ThenBy(v => v.rank).ThenBy(v => v.option, StringComparer.Ordinal),
                weightedScore = q.Kind == Domain.Surveys.QuestionKind.Ranked ? q.Options.ToDictionary(o => o.Code, o => RankedResults.WeightedScore(q, data, o.Code)) : null,
                top = q.Kind == Domain.Surveys.QuestionKind.Ranked ? q.Options.ToDictionary(o => o.Code, o => RankedResults.TopCount(q, data, o.Code)) : null,
            }),
        });
    }
}
