using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Domain.Conversations;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>The leaderboard (staff) and promoters' management, links, QR codes and posters (admin).</summary>
public static class PromoterEndpoints
{
    public static RouteGroupBuilder MapPromoters(this RouteGroupBuilder staff)
    {
        staff.MapGet("/promoters", List);
        var admin = staff.MapGroup("/promoters").RequireAuthorization(StaffRoles.Admin);
        admin.MapPost("/", Create).AddEndpointFilter(AntiforgeryCheck.Filter);
        admin.MapGet("/{code}", Show);
        admin.MapPost("/{code}/token", RenewToken).AddEndpointFilter(AntiforgeryCheck.Filter);
        admin.MapGet("/{code}/poster", Poster);
        admin.MapGet("/{code}/qr/{kind}.{format}", Qr);
        return staff;
    }

    private static async Task<IResult> List(HttpContext context, PromoterStore promoters, OverviewQueries queries, CancellationToken cancellationToken) =>
        await ListPage(context, promoters, queries, null, null, StatusCodes.Status200OK, cancellationToken);

    private static async Task<IResult> Create(
        HttpContext context, [FromForm] string? code, [FromForm] string? name, [FromForm] string? organisation,
        PromoterStore promoters, OverviewQueries queries, CancellationToken cancellationToken)
    {
        var input = new PromoterInput((code ?? "").Trim(), (name ?? "").Trim(), (organisation ?? "").Trim());
        if (input.Problem is { } problem)
        {
            return await ListPage(context, promoters, queries, problem, input, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (await promoters.CreateAsync(input.Code, input.Name, input.Organisation, cancellationToken) is null)
        {
            return await ListPage(context, promoters, queries, $"Ya existe un promotor con el código «{input.Code}».", input, StatusCodes.Status409Conflict, cancellationToken);
        }

        return TypedResults.Redirect($"/staff/promoters/{input.Code}");
    }

    private static async Task<IResult> Show(HttpContext context, string code, PromoterStore promoters, PromoterLinks links, OverviewQueries queries, CancellationToken cancellationToken)
    {
        if (await promoters.FindAsync(code, cancellationToken) is not { } promoter)
        {
            return TypedResults.NotFound();
        }

        var counts = (await queries.ByPromoterAsync(DashboardFilter.All, cancellationToken)).GetValueOrDefault(code) ?? StatusCounts.Zero;
        var statsLink = new Uri(new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/"), $"p/{promoter.StatsToken}");
        return Layout.Page(context, promoter.Name, "/staff/promoters", PromoterPage.Render(context, promoter, links.For(code, context.Request), statsLink, counts));
    }

    private static async Task<IResult> RenewToken(string code, PromoterStore promoters, CancellationToken cancellationToken) =>
        await promoters.RenewTokenAsync(code, cancellationToken) ? TypedResults.Redirect($"/staff/promoters/{code}") : TypedResults.NotFound();

    private static async Task<IResult> Poster(HttpContext context, string code, PromoterStore promoters, PromoterLinks links, CompiledSurvey survey, CancellationToken cancellationToken) =>
        await promoters.FindAsync(code, cancellationToken) is { } promoter
            ? PosterPage.Render(promoter, links.For(code, context.Request), survey)
            : TypedResults.NotFound();

    private static async Task<IResult> Qr(HttpContext context, string code, string kind, string format, PromoterStore promoters, PromoterLinks links, CancellationToken cancellationToken) =>
        await promoters.FindAsync(code, cancellationToken) is { } promoter ? QrImage(context, links, promoter, kind, format) : TypedResults.NotFound();

    /// <summary>The QR code of one of a promoter's links, as PNG or SVG; 404 for a channel that is not configured.</summary>
    public static IResult QrImage(HttpContext context, PromoterLinks links, Promoter promoter, string kind, string format)
    {
        var link = links.For(promoter.Code, context.Request).FirstOrDefault(l => l.Kind == kind);
        return (link, format) switch
        {
            (null, _) => TypedResults.NotFound(),
            (_, "png") => TypedResults.File(QrCodes.Png(link.Url), "image/png"),
            (_, "svg") => TypedResults.Text(QrCodes.Svg(link.Url), "image/svg+xml", System.Text.Encoding.UTF8),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<IResult> ListPage(HttpContext context, PromoterStore promoters, OverviewQueries queries, string? error, PromoterInput? input, int status, CancellationToken cancellationToken)
    {
        var counts = await queries.ByPromoterAsync(DashboardFilter.All, cancellationToken);
        var body = LeaderboardPage.Render(context, await promoters.ListAsync(cancellationToken), counts, context.User.IsInRole(StaffRoles.Admin), error, input);
        return Layout.Page(context, "Promotores", "/staff/promoters", body, status);
    }
}
