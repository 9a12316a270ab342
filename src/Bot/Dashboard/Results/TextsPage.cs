using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Free texts and "Otro" texts of one field: a search box and pages of <see cref="ResultsQueries.PageSize"/>.</summary>
public static class TextsPage
{
    public static Markup Picker(IReadOnlyList<TextField> fields, TextField field, string? search) => Markup.Of($"""
        <div><label for="t-field">Texto</label><select id="t-field" name="field">{fields.Select(f => Markup.Of($"""<option value="{f.Key}"{Forms.Selected(f.Key == field.Key)}>{f.Label}</option>"""))}</select></div>
        <div><label for="t-search">Contiene</label><input id="t-search" name="search" type="search" value="{search}" maxlength="100"></div>
        """);

    public static Markup List(DashboardFilter filter, TextField field, string? search, int page, long total, IReadOnlyList<TextAnswer> answers, TimeSpan offset)
    {
        var pages = (int)Math.Max(1, (total + ResultsQueries.PageSize - 1) / ResultsQueries.PageSize);
        var items = answers.Select(a => Markup.Of($"""
            <li><p>{a.Text}</p><p class="meta">{Format.Day(DateOnly.FromDateTime(a.StartedAt.ToOffset(offset).DateTime))} · {FilterForm.ChannelName(a.Channel)}</p></li>
            """));
        Markup Link(int to, string label) => Markup.Of($"""<a href="/staff/texts{filter.Query(("field", field.Key), ("search", search), ("page", to.ToString(System.Globalization.CultureInfo.InvariantCulture)))}">{label}</a>""");
        return Markup.Of($"""
            <h2>{field.Label}</h2>
            <p class="lead">{Format.Count(total)} textos{(string.IsNullOrWhiteSpace(search) ? "" : $" que contienen «{search}»")}. Página {page} de {pages}.</p>
            <ol class="texts" start="{((page - 1) * ResultsQueries.PageSize) + 1}">{items}</ol>
            <nav class="pager" aria-label="Páginas">{Markup.When(page > 1, Link(page - 1, "← Anteriores"))} {Markup.When(page < pages, Link(page + 1, "Siguientes →"))}</nav>
            """);
    }
}
