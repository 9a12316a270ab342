using System.Security.Claims;
using ChatSurvey.Bot.Dashboard.Auth;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>The frame of every staff page: header, navigation by role, sign-out form; and the bare frame for public pages.</summary>
public static class Layout
{
    private static readonly (string Path, string Label, bool AdminOnly)[] Sections =
    [
        ("/staff", "Tablero", false),
        ("/staff/results", "Resultados", false),
        ("/staff/texts", "Textos", false),
        ("/staff/exports", "Exportar", false),
        ("/staff/promoters", "Promotores", false),
        ("/staff/admin/delete", "Borrar datos", true),
    ];

    public static IResult Page(HttpContext context, string title, string active, Markup body, int statusCode = StatusCodes.Status200OK)
    {
        var user = context.User;
        var isAdmin = user.IsInRole(StaffRoles.Admin);
        var links = Sections.Where(s => !s.AdminOnly || isAdmin).Select(s => Markup.Of(
            $"""<a href="{s.Path}"{Markup.When(s.Path == active, Markup.Raw(" aria-current=\"page\""))}>{s.Label}</a>"""));
        var nav = Markup.Of($"""
            <nav aria-label="Secciones">{links}
            <form method="post" action="/staff/logout" class="logout">{Forms.Antiforgery(context)}<button type="submit">Salir ({user.FindFirstValue(ClaimTypes.Name)})</button></form>
            </nav>
            """);
        return Bare(title, Markup.Of($"""<header class="top"><a class="brand" href="/staff">Gobierno Abierto Oaxaca · Panel</a>{nav}</header><main>{body}</main>"""), statusCode);
    }

    /// <summary>A page without staff navigation: sign-in, promoters' private pages, posters, the report, the public results.</summary>
    /// <param name="indexable">Search engines may list it (the public results); every other page asks them not to.</param>
    public static IResult Bare(string title, Markup body, int statusCode = StatusCodes.Status200OK, string bodyClass = "", bool indexable = false)
    {
        var html = Markup.Of($"""
            <!doctype html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {Markup.When(!indexable, Markup.Raw("""<meta name="robots" content="noindex">"""))}
            <title>{title} · Encuesta de Gobierno Abierto</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/staff/staff.css">
            <script src="/staff/staff.js" defer></script>
            </head>
            <body class="{bodyClass}">
            {body}
            </body>
            </html>
            """);
        return TypedResults.Content(html.Value, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }
}
