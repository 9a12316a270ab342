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
        services.AddSingleton(sp => new StaffDirectory(
            sp.GetRequiredService<IOptions<StaffOptions>>().Value.Users, new StaffFile(staff.File), builder.Environment.IsDevelopment(), sp.GetRequiredService<ILogger<StaffDirectory>>()));
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
        // Resolved now: a staff file that does not parse stops startup here, naming the file.
        var directory = app.Services.GetRequiredService<StaffDirectory>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (directory.DevelopmentPassword is { } password)
            {
                LogDevelopmentAdmin(app.Logger, StaffDirectory.DevelopmentAdmin, password);
            }
            else if (!directory.Anyone)
            {
                LogNoStaff(app.Logger, directory.FilePath);
            }
        });
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

    /// <summary>
    /// Promoters' links and QR codes are built from Dashboard:PublicBaseUrl; only Development may go without, and
    /// anywhere else it must be a public https address (<see cref="Http.PublicAddress"/>).
    /// </summary>
    private static void RequirePublicBaseUrl(WebApplicationBuilder builder)
    {
        var url = builder.Configuration[$"{DashboardOptions.Section}:PublicBaseUrl"];
        var development = builder.Environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(url) && development)
        {
            return;
        }

        if (Http.PublicAddress.Problem(url, development) is { } problem)
        {
            throw new InvalidOperationException($"Dashboard:PublicBaseUrl (DASHBOARD__PUBLICBASEURL; PUBLIC_BASE_URL in compose's .env) {problem}. It is required outside Development: promoters' links and QR codes are built from it.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nobody can sign in to /staff: no staff users in Staff:Users or in {Path}. Create one, no restart needed: `ChatSurvey.Bot staff add NAME --role admin` (compose: `docker compose run --rm --no-deps bot staff add NAME --role admin`)")]
    private static partial void LogNoStaff(ILogger logger, string path);

    // Development only, and only while nobody is configured: a throwaway account for this run, so a developer needs no manual.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Development, no staff users: sign in to /staff as '{Name}' with the password {Password} (this run only; keep a user with `dotnet run --project src/Bot -- staff add NAME --role admin`)")]
    private static partial void LogDevelopmentAdmin(ILogger logger, string name, string password);

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(Http.ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
