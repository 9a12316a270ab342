using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>The sign-in cookie: HttpOnly, SameSite=Lax (forms carry antiforgery tokens), Secure, 8 hours of inactivity.</summary>
public static class StaffCookie
{
    public static void Configure(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        options.Cookie.Name = "chatsurvey_staff";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = SecurePolicy(environment);
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = SignInEndpoints.LoginPath;
        options.ReturnUrlParameter = "returnUrl";
        // Pages redirect to the sign-in form; APIs, exports and images answer 401/403, which scripts and tools understand.
        options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Secure outside Development: in production the bot sits behind a TLS proxy, and a cookie that could travel over
    /// plain HTTP could be read on the way. Development runs on http://127.0.0.1.
    /// </summary>
    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        var isPage = HttpMethods.IsGet(context.Request.Method)
            && !path.StartsWithSegments("/staff/api") && !path.StartsWithSegments("/staff/export")
            && !path.Value!.EndsWith(".png", StringComparison.Ordinal) && !path.Value.EndsWith(".svg", StringComparison.Ordinal);
        if (isPage && status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
