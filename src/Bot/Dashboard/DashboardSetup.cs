using System.Threading.RateLimiting;
using ChatSurvey.Bot.Dashboard.Admin;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.DeadLetters;
using ChatSurvey.Bot.Dashboard.Exports;
using ChatSurvey.Bot.Dashboard.OpenData;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Dashboard.Report;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Dashboard.Texts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard;

/// <summary>The staff dashboard's wiring: sign-in, roles, rate limits, queries, and its routes under /staff and /p; the public results under /resultados.</summary>
public static partial class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().Bind(builder.Configuration.GetSection(StaffOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section));
        services.AddOptions<PublicOptions>().Bind(builder.Configuration.GetSection(PublicOptions.Section));
        var staff = builder.Configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions();
        RequirePublicBaseUrl(builder);
        if (staff.KeysPath is { Length: > 0 } keys)
        {
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => StaffCookie.Configure(o, builder.Environment));
        // Admins are staff too: the staff policy admits both roles.
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.Staff, policy => policy.RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(StaffRoles.Admin, policy => policy.RequireRole(StaffRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "chatsurvey_af";
            o.Cookie.SecurePolicy = StaffCookie.SecurePolicy(builder.Environment);
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInEndpoints.RateLimitPolicy, context => PerAddress(context, staff.SignInsPerMinute));
            o.AddPolicy(PublicPromoterEndpoints.RateLimitPolicy, context => PerAddress(context, 120));
            o.AddPolicy(PublicEndpoints.RateLimitPolicy, context => PerAddress(context, 120));
        });
        services.AddSingleton(sp => new SignInLockout(sp.GetRequiredService<IOptions<StaffOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DashboardDb>();
        services.AddSingleton<OverviewQueries>();
        services.AddSingleton<ResultsQueries>();
        services.AddSingleton<TextQueries>();
        services.AddSingleton<TextReviews>();
        services.AddSingleton<ResponseReader>();
        services.AddSingleton<CsvExport>();
        services.AddSingleton<XlsxExport>();
        services.AddSingleton<JsonLinesExport>();
        services.AddSingleton<OpenDataPackage>();
        services.AddSingleton<PromoterStore>();
        services.AddSingleton<KnownPromoters>();
        services.AddSingleton<Conversations.IPromoterCodes>(sp => sp.GetRequiredService<KnownPromoters>());
        services.AddSingleton<PromoterLinks>();
        services.AddSingleton<DeadLetterQueries>();
        services.AddSingleton<PersonLookup>();
        services.AddSingleton<ReleaseStore>();
        services.AddSingleton<ReleaseBuilder>();
        services.AddSingleton<PublicResults>();
        services.AddHostedService<ReleaseSchedule>();
        services.AddSingleton<DeletionLog>();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapSignIn();
        // Every staff route is behind the staff policy here, once: a route added to this group cannot be left open.
        var staff = app.MapGroup("/staff").RequireAuthorization(StaffRoles.Staff).AddEndpointFilter(PrivatePageHeaders);
        staff.MapOverview();
        staff.MapResults();
        staff.MapTexts();
        staff.MapReport();
        staff.MapExports();
        staff.MapPromoters();
        staff.MapDeletion();
        staff.MapDeadLetters();
        staff.MapReleasePublishing();
        app.MapPromoterPages();
        app.MapPublicResults();
        if (app.Services.GetRequiredService<IOptions<StaffOptions>>().Value.Users.Count == 0)
        {
            LogNoStaff(app.Logger);
        }

        return app;
    }

    /// <summary>
    /// Staff pages and promoters' private pages: never cached, never framed, no Referer (a /p/ link is a secret), and a
    /// policy that runs only the app's own script and styles.
    /// </summary>
    public static async ValueTask<object?> PrivatePageHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return await next(context);
    }

    /// <summary>Promoters' links and QR codes are built from Dashboard:PublicBaseUrl; only Development may go without.</summary>
    private static void RequirePublicBaseUrl(WebApplicationBuilder builder)
    {
        var url = builder.Configuration[$"{DashboardOptions.Section}:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(url) && builder.Environment.IsDevelopment())
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || parsed.Query.Length > 0)
        {
            throw new InvalidOperationException("Dashboard:PublicBaseUrl must be the web chat's public address, e.g. https://encuesta.example.org (required outside Development: promoters' links and QR codes are built from it).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff users are configured (Staff:Users): nobody can sign in to /staff. Create one with `ChatSurvey.Bot hash-password` (see README).")]
    private static partial void LogNoStaff(ILogger logger);

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(Http.ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
