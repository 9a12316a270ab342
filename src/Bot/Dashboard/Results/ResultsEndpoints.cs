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
        staff.MapGet("/texts", Texts);
        staff.MapGet("/api/results.json", Json);
        return staff;
    }

    private static async Task<IResult> Results(HttpContext context, ResultsQueries queries, PromoterStore promoters, SurveyCatalog surveys, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var survey = surveys.ForVersion(filter.Version);
        var data = await queries.LoadAsync(filter, cancellationToken);
        var known = await promoters.ListAsync(cancellationToken);
        var body = Markup.Of($"""
            <h1>Resultados por pregunta</h1>
            {FilterForm.Render("/staff/results", filter, known, surveys.Versions)}
            {ResultsPage.Render(survey, data, filter)}
            """);
        return Layout.Page(context, "Resultados", "/staff/results", body);
    }

    private static async Task<IResult> Texts(HttpContext context, ResultsQueries queries, PromoterStore promoters, SurveyCatalog surveys, DashboardDb db, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var survey = surveys.ForVersion(filter.Version);
        var fields = TextField.All(survey);
        var field = fields.FirstOrDefault(f => f.Key == context.Request.Query["field"]) ?? fields[0];
        var search = context.Request.Query["search"].ToString() is { Length: > 0 and <= 100 } s ? s : null;
        var page = int.TryParse(context.Request.Query["page"], out var p) && p is > 0 and < 1_000_000 ? p : 1;
        var (total, answers) = await queries.TextsAsync(filter, field.Question.Code, field.Part?.Code, search, page, cancellationToken);
        var known = await promoters.ListAsync(cancellationToken);
        var body = Markup.Of($"""
            <h1>Textos libres y «Otro»</h1>
            {FilterForm.Render("/staff/texts", filter, known, surveys.Versions, TextsPage.Picker(fields, field, search))}
            {TextsPage.List(filter, field, search, page, total, answers, db.Offset)}
            """);
        return Layout.Page(context, "Textos", "/staff/texts", body);
    }

    private static async Task<IResult> Json(HttpContext context, ResultsQueries queries, SurveyCatalog surveys, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
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
                borda = q.Kind == Domain.Surveys.QuestionKind.Ranked ? q.Options.ToDictionary(o => o.Code, o => RankedResults.Borda(q, data, o.Code)) : null,
            }),
        });
    }
}
