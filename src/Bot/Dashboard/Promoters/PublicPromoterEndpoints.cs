using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>
/// A promoter's private pages, /p/&lt;token&gt;: no sign-in, the 128-bit token in the link is the permission. They show
/// counts by day, the promoter's own links, QR codes and poster, and nothing about any person.
/// </summary>
public static class PublicPromoterEndpoints
{
    public const string RateLimitPolicy = "promoter-pages";

    public static RouteGroupBuilder MapPromoterPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/p/{token}").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(DashboardSetup.PrivatePageHeaders);
        pages.MapGet("/", Stats);
        pages.MapGet("/poster", Poster);
        pages.MapGet("/qr/{kind}.{format}", Qr);
        return pages;
    }

    private static async Task<IResult> Stats(HttpContext context, string token, PromoterStore promoters, OverviewQueries queries, PromoterLinks links, CancellationToken cancellationToken)
    {
        if (await promoters.FindByTokenAsync(token, cancellationToken) is not { } promoter)
        {
            return TypedResults.NotFound();
        }

        var days = await queries.ByDayAsync(DashboardFilter.All with { Promoter = promoter.Code }, cancellationToken);
        return PromoterStatsPage.Render(promoter, days, links.For(promoter.Code, context.Request), token);
    }

    private static async Task<IResult> Poster(HttpContext context, string token, PromoterStore promoters, PromoterLinks links, CompiledSurvey survey, CancellationToken cancellationToken) =>
        await promoters.FindByTokenAsync(token, cancellationToken) is { } promoter
            ? PosterPage.Render(promoter, links.For(promoter.Code, context.Request), survey)
            : TypedResults.NotFound();

    private static async Task<IResult> Qr(HttpContext context, string token, string kind, string format, PromoterStore promoters, PromoterLinks links, CancellationToken cancellationToken) =>
        await promoters.FindByTokenAsync(token, cancellationToken) is { } promoter
            ? PromoterEndpoints.QrImage(context, links, promoter, kind, format)
            : TypedResults.NotFound();
}
