using System.Security.Claims;
using ChatSurvey.Bot.Dashboard.Html;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// Sign-in and sign-out. A wrong name and a wrong password get the same answer in the same time; after
/// <see cref="StaffOptions.MaxFailedSignIns"/> failures a name is locked (even for the right password) for
/// <see cref="StaffOptions.LockoutTime"/>, and every IP address is limited to <see cref="StaffOptions.SignInsPerMinute"/> tries.
/// </summary>
public static partial class SignInEndpoints
{
    public const string RateLimitPolicy = "staff-sign-in";
    public const string LoginPath = "/staff/login";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff").AllowAnonymous().AddEndpointFilter(DashboardSetup.PrivatePageHeaders);
        group.MapGet("/login", (HttpContext context, string? returnUrl, StaffDirectory staff) => Page(context, returnUrl, null, StatusCodes.Status200OK, staff));
        group.MapPost("/login", SignIn).RequireRateLimiting(RateLimitPolicy);
        app.MapPost("/staff/logout", (Delegate)SignOut).RequireAuthorization(StaffRoles.Staff).AddEndpointFilter(AntiforgeryCheck.Filter);
        return app;
    }

    private static async Task<IResult> SignIn(
        HttpContext context, [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl,
        StaffDirectory staff, SignInLockout lockout, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("ChatSurvey.Dashboard");
        name = (name ?? "").Trim();
        if (lockout.IsLocked(name, out var remaining))
        {
            LogLocked(logger);
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(remaining.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page(context, returnUrl, $"Demasiados intentos fallidos: esta cuenta está bloqueada unos {Math.Ceiling(remaining.TotalMinutes)} minutos.", StatusCodes.Status429TooManyRequests, staff);
        }

        var user = staff.Find(name);
        // Always one hash check, against a decoy when the name is unknown, so timing does not tell names apart.
        var valid = StaffPasswords.Verify(user?.PasswordHash, password ?? "") && user is not null;
        if (!valid)
        {
            lockout.Failed(name);
            LogFailed(logger);
            return Page(context, returnUrl, "Nombre o contraseña incorrectos.", StatusCodes.Status401Unauthorized, staff);
        }

        lockout.Succeeded(name);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user!.Name), new Claim(ClaimTypes.Role, user.Role)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/staff");
    }

    private static async Task<IResult> SignOut(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect(LoginPath);
    }

    /// <summary>
    /// Only paths of this site ("/staff/results"), never "//evil.example", "/\evil.example" or "/\t/evil.example" (browsers
    /// drop tabs and line breaks from a URL, which turns the last into the first): no open redirect.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/') && !url.Contains("://", StringComparison.Ordinal) &&
        !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));

    private static IResult Page(HttpContext context, string? returnUrl, string? error, int status, StaffDirectory staff) => Layout.Bare("Entrar", Markup.Of($"""
        <main class="sign-in">
        <h1>Panel de la encuesta</h1>
        <p>Gobierno Abierto Oaxaca · personal del Secretariado</p>
        {Markup.When(!staff.Anyone, NoAccounts)}
        {Markup.When(error is not null, Markup.Of($"""<p class="error" role="alert">{error}</p>"""))}
        <form method="post" action="{LoginPath}" class="stacked-form">
        {Forms.Antiforgery(context)}
        <input type="hidden" name="returnUrl" value="{(IsLocal(returnUrl) ? returnUrl : "")}">
        <label for="name">Nombre de usuario</label>
        <input id="name" name="name" autocomplete="username" required autofocus maxlength="100">
        <label for="password">Contraseña</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
        <button type="submit">Entrar</button>
        </form>
        </main>
        """), status);

    /// <summary>Shown while nobody can sign in, so the first visitor learns why "incorrectos" would be no typo.</summary>
    private static readonly Markup NoAccounts = Markup.Raw("""
        <div class="warning" role="status"><p><strong>Todavía no hay cuentas del personal: nadie puede entrar.</strong></p>
        <p>Quien administra el servidor crea la primera, sin reiniciar, con
        <code>ChatSurvey.Bot staff add NOMBRE --role admin</code>
        (con docker compose: <code>docker compose run --rm --no-deps bot staff add NOMBRE --role admin</code>).</p></div>
        """);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff sign-in failed")]
    private static partial void LogFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff sign-in was refused: the name is locked after repeated failures")]
    private static partial void LogLocked(ILogger logger);
}
