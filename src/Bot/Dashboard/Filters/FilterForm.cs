using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;

namespace ChatSurvey.Bot.Dashboard.Filters;

/// <summary>
/// The filter bar: channel, promoter, first and last day, with the usual periods one click away. A GET form, so a
/// filtered view is a link to share. A filter that cannot be applied is said above it.
/// </summary>
public static class FilterForm
{
    private static readonly Dictionary<string, string> ChannelNames = new()
    {
        ["web"] = "Chat web", ["telegram"] = "Telegram", ["whatsapp"] = "WhatsApp", ["sms"] = "SMS", ["voice"] = "Llamada",
        [DashboardFilter.Messaging] = "Mensajería y llamadas (Telegram, WhatsApp, SMS y voz)",
    };

    public static string ChannelName(string channel) => ChannelNames.GetValueOrDefault(channel, channel);

    /// <summary>The filter in words, for what is printed or handed on: "Canal: WhatsApp · Promotor: Radio Ixtlán · del 2 nov 2026 al 4 nov 2026".</summary>
    public static string Describe(DashboardFilter filter, IReadOnlyList<Promoter> promoters)
    {
        var period = (filter.From, filter.To) switch
        {
            (null, null) => "todo el periodo",
            ({ } from, null) => $"desde el {Format.Date(from)}",
            (null, { } to) => $"hasta el {Format.Date(to)}",
            ({ } from, { } to) => $"del {Format.Date(from)} al {Format.Date(to)}",
        };
        var promoter = filter.Promoter is { } code ? promoters.FirstOrDefault(p => p.Code == code)?.Name ?? code : "todos";
        return $"Canal: {(filter.Channel is { } channel ? ChannelName(channel) : "todos")} · Promotor: {promoter} · Versión: {filter.Version ?? "todas"} · Iniciadas: {period}";
    }

    /// <param name="versions">The survey versions known; with more than one, the form offers to pick one.</param>
    /// <param name="today">The local day, for the periods offered ("últimos 7 días").</param>
    public static Markup Render(string action, DashboardFilter filter, IReadOnlyList<Promoter> promoters, IReadOnlyList<string> versions, DateOnly today, Markup extra = default)
    {
        (string Label, DateOnly? From, DateOnly? To)[] periods =
        [
            ("Hoy", today, today), ("Últimos 7 días", today.AddDays(-6), today), ("Últimos 30 días", today.AddDays(-29), today), ("Todo el periodo", null, null),
        ];
        var presets = periods.Select(p => Markup.Of($"""<a href="{action}{(filter with { From = p.From, To = p.To, Problem = null }).Query()}"{Markup.When(filter.From == p.From && filter.To == p.To, Markup.Raw(" aria-current=\"true\""))}>{p.Label}</a>"""));
        var versionOptions = versions.Select(v => Markup.Of($"""<option value="{v}"{Forms.Selected(filter.Version == v)}>{v}</option>"""));
        var versionPicker = Markup.When(versions.Count > 1 || filter.Version is not null, Markup.Of($"""<div><label for="f-version">Versión</label><select id="f-version" name="version"><option value="">Todas</option>{versionOptions}</select></div>"""));
        var channels = DashboardFilter.Channels.Prepend(DashboardFilter.Messaging).Select(c => Markup.Of($"""<option value="{c}"{Forms.Selected(filter.Channel == c)}>{ChannelName(c)}</option>"""));
        var known = promoters.Select(p => Markup.Of($"""<option value="{p.Code}"{Forms.Selected(filter.Promoter == p.Code)}>{p.Name} ({p.Code})</option>"""));
        // A code that came in links but was never registered can still be filtered on.
        var unknown = Markup.When(filter.Promoter is { } code && promoters.All(p => p.Code != code), Markup.Of($"""<option value="{filter.Promoter}" selected>{filter.Promoter}</option>"""));
        return Markup.Of($"""
            {Markup.When(filter.Problem is not null, Markup.Of($"""<p class="error" role="alert">{filter.Problem}</p>"""))}
            <form class="filters" method="get" action="{action}">
            <div><label for="f-channel">Canal</label><select id="f-channel" name="channel"><option value="">Todos</option>{channels}</select></div>
            {versionPicker}
            <div><label for="f-promoter">Promotor</label><select id="f-promoter" name="promoter"><option value="">Todos</option>{known}{unknown}</select></div>
            <div><label for="f-from">Iniciadas desde</label><input id="f-from" name="from" type="date" value="{filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"></div>
            <div><label for="f-to">hasta</label><input id="f-to" name="to" type="date" value="{filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"></div>
            {extra}
            <div class="actions"><button type="submit">Aplicar</button> <a href="{action}">Quitar filtros</a></div>
            <nav class="presets" aria-label="Periodos">{presets}</nav>
            </form>
            """);
    }
}
