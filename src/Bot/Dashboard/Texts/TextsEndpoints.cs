using System.Security.Claims;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Surveys;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>The texts page and the review marks staff put on texts.</summary>
public static class TextsEndpoints
{
    public static RouteGroupBuilder MapTexts(this RouteGroupBuilder staff)
    {
        staff.MapGet("/texts", Texts);
        staff.MapPost("/texts/review", Review).AddEndpointFilter(AntiforgeryCheck.Filter);
        return staff;
    }

    private static async Task<IResult> Texts(HttpContext context, TextQueries queries, PromoterStore promoters, SurveyCatalog surveys, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Parse(context.Request.Query);
        var survey = surveys.ForVersion(filter.Version);
        var fields = TextField.All(survey);
        var field = fields.FirstOrDefault(f => f.Key == context.Request.Query["field"]) ?? fields[0];
        var search = context.Request.Query["search"].ToString() is { Length: > 0 and <= 100 } s ? s : null;
        var page = int.TryParse(context.Request.Query["page"], out var p) && p is > 0 and < 1_000_000 ? p : 1;
        var list = Markup.Empty;
        if (filter.Problem is null)
        {
            list = field.Together
                ? TextsPage.Together(filter, field, search, page, await queries.TogetherAsync(filter, field, search, page, cancellationToken), db.Offset)
                : TextsPage.Groups(context, filter, field, search, page, await queries.GroupsAsync(filter, field, search, page, cancellationToken), db.Offset);
        }

        var known = await promoters.ListAsync(cancellationToken);
        var body = Markup.Of($"""
            <h1>Textos libres y «Otro»</h1>
            {FilterForm.Render("/staff/texts", filter, known, surveys.Versions, db.Today(time), TextsPage.Picker(fields, field, search))}
            {list}
            """);
        return Layout.Page(context, "Textos", "/staff/texts", body, filter.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Review(
        HttpContext context, [FromForm] string? field, [FromForm] string? hash, [FromForm] string? status, [FromForm] string? back, TextReviews reviews, SurveyCatalog surveys, CancellationToken cancellationToken)
    {
        var known = surveys.All.SelectMany(TextField.All).Any(f => f.Key == field && !f.Together);
        var mark = status switch { TextReviews.Approved or TextReviews.Reviewed => status, "none" => null, _ => "?" };
        if (!known || hash is not { Length: 32 } || !hash.All(char.IsAsciiHexDigitLower) || mark == "?")
        {
            return TypedResults.Problem("Unknown field, text or mark.", statusCode: StatusCodes.Status400BadRequest);
        }

        await reviews.SetAsync(field!, hash, mark, context.User.FindFirstValue(ClaimTypes.Name) ?? "?", cancellationToken);
        // Back to the page the mark was set on (a local path only).
        return TypedResults.Redirect(back is { Length: > 0 } path && path.StartsWith("/staff/texts", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) ? path : "/staff/texts");
    }
}
