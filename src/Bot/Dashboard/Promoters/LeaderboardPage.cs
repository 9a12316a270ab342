using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>The promoters page: the leaderboard for everyone on staff, and the form to add a promoter for admins.</summary>
public static class LeaderboardPage
{
    public static Markup Render(HttpContext context, IReadOnlyList<Promoter> promoters, IReadOnlyDictionary<string, StatusCounts> counts, bool isAdmin, string? error = null, PromoterInput? input = null)
    {
        var byCode = promoters.ToDictionary(p => p.Code);
        // Registered promoters with nobody yet are listed too, at the bottom, so a new one is easy to find.
        var codes = counts.Keys.Union(promoters.Select(p => p.Code)).ToList();
        var rows = codes
            .Select(code => (Code: code, Promoter: byCode.GetValueOrDefault(code), Counts: counts.GetValueOrDefault(code) ?? StatusCounts.Zero))
            .OrderByDescending(r => r.Counts.Completed).ThenByDescending(r => r.Counts.Started).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select((r, i) => Markup.Of($"""
                <tr><td class="num">{i + 1}</td><th scope="row">{Name(r.Code, r.Promoter, isAdmin)}</th><td class="num">{Format.Count(r.Counts.Started)}</td><td class="num">{Format.Count(r.Counts.Completed)}</td><td class="num">{Format.Percent(r.Counts.CompletionRate)}</td></tr>
                """));
        return Markup.Of($"""
            <h1>Promotores</h1>
            <div class="scroll">
            <table class="leaderboard">
            <caption>Personas que iniciaron y completaron la encuesta por el enlace de cada promotor, de más a menos respuestas completas.</caption>
            <thead><tr><th scope="col" class="num">#</th><th scope="col">Promotor</th><th scope="col" class="num">Iniciaron</th><th scope="col" class="num">Completaron</th><th scope="col" class="num">Tasa</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            {Markup.When(isAdmin, CreateForm(context, error, input))}
            """);
    }

    private static Markup Name(string code, Promoter? promoter, bool isAdmin)
    {
        if (code.Length == 0)
        {
            return Markup.Of($"<em>Sin promotor</em> (enlace general)");
        }

        var label = promoter is null ? Markup.Of($"{code} <small>(código no registrado)</small>") : Markup.Of($"{promoter.Name} <small>{promoter.Organisation} · {code}</small>");
        return promoter is not null && isAdmin ? Markup.Of($"""<a href="/staff/promoters/{code}">{label}</a>""") : label;
    }

    private static Markup CreateForm(HttpContext context, string? error, PromoterInput? input) => Markup.Of($"""
        <h2 id="nuevo">Nuevo promotor</h2>
        {Markup.When(error is not null, Markup.Of($"""<p class="error" role="alert">{error}</p>"""))}
        <form method="post" action="/staff/promoters" class="stacked-form">
        {Forms.Antiforgery(context)}
        <label for="p-name">Nombre</label><input id="p-name" name="name" required maxlength="200" value="{input?.Name}">
        <label for="p-org">Organización</label><input id="p-org" name="organisation" required maxlength="200" value="{input?.Organisation}">
        <label for="p-code">Código (letras, números, _ o -, hasta 64; va en los enlaces)</label><input id="p-code" name="code" required maxlength="64" pattern="[A-Za-z0-9_\-]+" value="{input?.Code}">
        <button type="submit">Crear promotor</button>
        </form>
        """);
}
