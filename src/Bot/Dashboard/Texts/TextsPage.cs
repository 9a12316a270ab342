using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;

namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>
/// Free texts and "Otro" texts of one field: a search box, identical texts grouped with how many wrote them and each
/// group's review mark with the buttons to change it; or a question's parts side by side, response by response.
/// Pages of <see cref="TextQueries.PageSize"/>.
/// </summary>
public static class TextsPage
{
    private static readonly Dictionary<string, string> MarkNames = new()
    {
        [TextReviews.Reviewed] = "Revisado (no publicar)", [TextReviews.Approved] = "Aprobado para publicar",
    };

    public static Markup Picker(IReadOnlyList<TextField> fields, TextField field, string? search) => Markup.Of($"""
        <div><label for="t-field">Texto</label><select id="t-field" name="field">{fields.Select(f => Markup.Of($"""<option value="{f.Key}"{Forms.Selected(f.Key == field.Key)}>{f.Label}</option>"""))}</select></div>
        <div><label for="t-search">Contiene</label><input id="t-search" name="search" type="search" value="{search}" maxlength="100"></div>
        """);

    public static Markup Groups(HttpContext context, DashboardFilter filter, TextField field, string? search, int page, (long Texts, long Groups, IReadOnlyList<TextGroup> Page) found, TimeSpan offset)
    {
        var back = $"/staff/texts{filter.Query(("field", field.Key), ("search", search), ("page", Page(page)))}";
        var items = found.Page.Select(g => Markup.Of($"""
            <li class="{(g.Review ?? "unreviewed")}">
            <p>{g.Text}</p>
            <p class="meta">{Format.Count(g.Count, "persona lo escribió", "personas lo escribieron")} · la más reciente inició el {Format.Date(DateOnly.FromDateTime(g.Latest.ToOffset(offset).DateTime))} · <strong>{(g.Review is { } mark ? MarkNames[mark] : "Sin revisar")}</strong></p>
            <form method="post" action="/staff/texts/review" class="review">
            {Forms.Antiforgery(context)}
            <input type="hidden" name="field" value="{field.Key}"><input type="hidden" name="hash" value="{g.Hash}"><input type="hidden" name="back" value="{back}">
            <button type="submit" name="status" value="{TextReviews.Approved}">Aprobar para publicar</button>
            <button type="submit" name="status" value="{TextReviews.Reviewed}" class="secondary">Revisado, no publicar</button>
            {Markup.When(g.Review is not null, Markup.Of($"""<button type="submit" name="status" value="none" class="secondary">Quitar la marca</button>"""))}
            </form>
            </li>
            """));
        return Markup.Of($"""
            <h2>{field.Label}</h2>
            <p class="lead">{Format.Count(found.Texts, "texto", "textos")}{Matching(search)}, {Format.Count(found.Groups, "distinto", "distintos")} (los textos iguales, sin importar mayúsculas, acentos ni espacios, se muestran una vez). Solo los aprobados pueden aparecer en la página pública y en los datos abiertos. Página {page} de {Pages(found.Groups)}.</p>
            <ol class="texts" start="{((page - 1) * TextQueries.PageSize) + 1}">{items}</ol>
            {Pager(filter, field, search, page, found.Groups)}
            """);
    }

    public static Markup Together(DashboardFilter filter, TextField field, string? search, int page, (long Total, IReadOnlyList<TextResponse> Page) found, TimeSpan offset)
    {
        var items = found.Page.Select(r => Markup.Of($"""
            <li>
            <dl class="parts">{r.Parts.Select(p => Markup.Of($"""<dt>{p.Label}</dt><dd>{p.Text ?? "(sin respuesta)"}{Markup.When(p.Review is not null, Markup.Of($""" <span class="mark">{(p.Review is { } mark ? MarkNames[mark] : "")}</span>"""))}</dd>"""))}</dl>
            <p class="meta">{Format.Date(DateOnly.FromDateTime(r.StartedAt.ToOffset(offset).DateTime))} · {FilterForm.ChannelName(r.Channel)}</p>
            </li>
            """));
        return Markup.Of($"""
            <h2>{field.Label}</h2>
            <p class="lead">{Format.Count(found.Total, "respuesta", "respuestas")}{Matching(search)}, cada una con sus partes juntas. Para aprobar un texto, ábrelo en su parte. Página {page} de {Pages(found.Total)}.</p>
            <ol class="texts" start="{((page - 1) * TextQueries.PageSize) + 1}">{items}</ol>
            {Pager(filter, field, search, page, found.Total)}
            """);
    }

    private static string Matching(string? search) => string.IsNullOrWhiteSpace(search) ? "" : $" que contienen «{search}»";

    private static int Pages(long total) => (int)Math.Max(1, (total + TextQueries.PageSize - 1) / TextQueries.PageSize);

    private static string Page(int page) => page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Markup Pager(DashboardFilter filter, TextField field, string? search, int page, long total)
    {
        Markup Link(int to, string label) => Markup.Of($"""<a href="/staff/texts{filter.Query(("field", field.Key), ("search", search), ("page", Page(to)))}">{label}</a>""");
        return Markup.Of($"""<nav class="pager" aria-label="Páginas">{Markup.When(page > 1, Link(page - 1, "← Anteriores"))} {Markup.When(page < Pages(total), Link(page + 1, "Siguientes →"))}</nav>""");
    }
}
