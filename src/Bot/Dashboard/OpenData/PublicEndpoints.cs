using System.Security.Claims;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Html;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// The public results and the open-data releases, for anyone, no sign-in (PublicResults:Enabled turns them off: 404):
/// /resultados, /resultados/datos (every release), /resultados/datos.json (the same for programs) and
/// /resultados/datos/&lt;id&gt;.zip. Admins publish a release at once with POST /staff/admin/releases.
/// </summary>
public static partial class PublicEndpoints
{
    public const string RateLimitPolicy = "public-results";

    public static RouteGroupBuilder MapPublicResults(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/resultados").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(PublicHeaders);
        pages.MapGet("/", Page);
        pages.MapGet("/datos", List);
        pages.MapGet("/datos.json", Catalog);
        pages.MapGet("/datos/{id}.zip", Download);
        return pages;
    }

    public static RouteGroupBuilder MapReleasePublishing(this RouteGroupBuilder staff)
    {
        staff.MapGroup("/admin").RequireAuthorization(StaffRoles.Admin).MapPost("/releases", Publish).AddEndpointFilter(AntiforgeryCheck.Filter);
        return staff;
    }

    private static async ValueTask<object?> PublicHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<IOptions<PublicOptions>>().Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        var headers = context.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'";
        headers["Access-Control-Allow-Origin"] = "*";
        return await next(context);
    }

    private static async Task<IResult> Page(HttpContext context, PublicResults results, ReleaseStore releases, DashboardDb db, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        var snapshot = await results.GetAsync(cancellationToken);
        context.Response.Headers.CacheControl = "public, max-age=300";
        var body = PublicPage.Render(snapshot, results.Suppression, await releases.ListAsync(cancellationToken), db.Offset, options.Value.LicenseTitle, options.Value.LicenseUrl);
        return Layout.Bare("Resultados de la consulta", body, indexable: true);
    }

    private static async Task<IResult> List(HttpContext context, ReleaseStore releases, DashboardDb db, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Layout.Bare("Datos abiertos", PublicPage.Releases(await releases.ListAsync(cancellationToken), db.Offset, options.Value.LicenseTitle, options.Value.LicenseUrl), indexable: true);
    }

    private static async Task<IResult> Catalog(HttpContext context, ReleaseStore releases, ReleaseBuilder builder, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        var all = await releases.ListAsync(cancellationToken);
        return TypedResults.Ok(new
        {
            title = "Consulta ciudadana de Gobierno Abierto de Oaxaca: datos abiertos",
            publisher = "Secretariado Técnico de Gobierno Abierto del Estado de Oaxaca (STGAO) / OGAIPO",
            license = new { name = options.Value.License, title = options.Value.LicenseTitle, path = options.Value.LicenseUrl },
            releases = all.Select(r => new
            {
                id = r.Id,
                published = r.PublishedAt.UtcDateTime,
                url = builder.Url(r.Path),
                format = "application/zip",
                profile = "tabular-data-package",
                surveyVersion = r.SurveyVersion,
                responses = r.Responses,
                bytes = r.Bytes,
                sha256 = r.Sha256,
            }),
        });
    }

    private static async Task Download(HttpContext context, string id, ReleaseStore releases, CancellationToken cancellationToken)
    {
        if (await releases.FindAsync(id, cancellationToken) is not { } release)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/zip";
        context.Response.ContentLength = release.Bytes;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"datos-abiertos-{release.Id}.zip\"";
        // A release never changes: caches may keep it for good.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.ETag = $"\"{release.Sha256}\"";
        await releases.CopyToAsync(release, context.Response.Body, cancellationToken);
    }

    private static async Task<IResult> Publish(HttpContext context, ReleaseBuilder builder, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var release = await builder.PublishAsync(cancellationToken);
        var staff = context.User.FindFirstValue(ClaimTypes.Name) ?? "?";
        var id = release?.Id ?? "(none: too few responses)";
        var logger = loggers.CreateLogger("ChatSurvey.Dashboard");
        LogPublishNow(logger, staff, id);
        return TypedResults.Redirect("/resultados/datos");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {Staff} published open-data release {Id}")]
    private static partial void LogPublishNow(ILogger logger, string staff, string id);
}
