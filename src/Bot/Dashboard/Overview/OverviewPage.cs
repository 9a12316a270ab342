using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>
/// The figures of the dashboard as HTML, the part the page refreshes every few seconds: the cards, people by day, the
/// comparison by channel and by promoter, and the funnel, whose rows lead to each question's results.
/// </summary>
public static class OverviewPage
{
    /// <param name="stoppedAfter">Dashboard:StoppedAfter, and <paramref name="idleExpiry"/> Redis:IdleExpiry, said on the cards.</param>
    public static Markup Figures(OverviewData data, DashboardFilter filter, IReadOnlyList<Promoter> promoters, DateTimeOffset now, TimeSpan offset, TimeSpan stoppedAfter, TimeSpan idleExpiry)
    {
        var t = data.Totals;
        return Markup.Of($"""
            <p class="updated">Actualizado: {Format.Moment(now, offset)}</p>
            <dl class="cards">
            {Card("Iniciaron", Format.Count(t.Started), "aceptaron el aviso y empezaron")}
            {Card("Completaron", Format.Count(t.Completed), "enviaron sus respuestas")}
            {Card("Tasa de finalización", Format.Percent(t.CompletionRate), "completaron de cada 100 que iniciaron")}
            {Card("Tiempo mediano", Format.Duration(data.MedianTimeToComplete), "de inicio a envío (aproximado)")}
            {Card("En curso", Format.Count(t.InProgress), $"respondieron en las últimas {Format.Period(stoppedAfter)}")}
            {Card("Se detuvieron", Format.Count(t.Stopped), $"llevan más de {Format.Period(stoppedAfter)} sin responder; aún pueden volver")}
            {Card("Abandonaron", Format.Count(t.Abandoned), $"más de {Format.Period(idleExpiry)} sin responder")}
            {Card("Cancelaron", Format.Count(t.Cancelled), "escribieron «cancelar»")}
            </dl>
            {DayChart.Render("Personas por día de inicio", [.. data.Days.Select(d => new DayChart.Day(d.Day, d.Counts.Started, d.Counts.Completed))], filter.From, filter.To)}
            {Comparison(data, filter, promoters)}
            {Funnel(data, filter)}
            """);
    }

    public static string Label(FunnelStep step) =>
        $"{(step.IsFollowUp ? "↳ " : "")}{step.Question.Number}. {Shorten(step.Question.Text.Default)}";

    public static string Shorten(string text, int length = 70) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>A promoter's name as staff know it: its registered name, or its code, or "Sin promotor".</summary>
    public static string PromoterName(string code, IReadOnlyList<Promoter> promoters) =>
        code.Length == 0 ? "Sin promotor" : promoters.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    private static Markup Card(string title, string value, string hint) =>
        Markup.Of($"""<div class="card"><dt>{title}</dt><dd><span class="big">{value}</span><span class="hint">{hint}</span></dd></div>""");

    private static Markup Comparison(OverviewData data, DashboardFilter filter, IReadOnlyList<Promoter> promoters) => Markup.Of($"""
        <h2 id="comparar">Por canal y por promotor</h2>
        {ComparisonTable("Por canal", "Canal", data.ByChannel, r => FilterForm.ChannelName(r.Key), r => filter with { Channel = r.Key })}
        {ComparisonTable("Por promotor", "Promotor", data.ByPromoter, r => PromoterName(r.Key, promoters), r => r.Key.Length == 0 ? null : filter with { Promoter = r.Key })}
        """);

    private static Markup ComparisonTable(string caption, string header, IReadOnlyList<ComparisonRow> rows, Func<ComparisonRow, string> name, Func<ComparisonRow, DashboardFilter?> link)
    {
        var body = rows.OrderByDescending(r => r.Counts.Started).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => Markup.Of($"""
            <tr><th scope="row">{(link(r) is { } only ? Markup.Of($"""<a href="/staff{only.Query()}">{name(r)}</a>""") : Markup.Of($"{name(r)}"))}</th>
            <td class="num">{Format.Count(r.Counts.Started)}</td><td class="num">{Format.Count(r.Counts.Completed)}</td><td class="num">{Format.Percent(r.Counts.CompletionRate)}</td>
            <td class="num">{Format.Duration(r.Median)}</td>
            <td>{(r.MostLeft is { } step ? $"{step.Question.Number}. {Shorten(step.Question.Text.Default, 40)} ({Format.Count(step.Left, "persona", "personas")})" : "—")}</td></tr>
            """));
        return Markup.Of($"""
            <div class="scroll">
            <table class="compare">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">{header}</th><th scope="col" class="num">Iniciaron</th><th scope="col" class="num">Completaron</th><th scope="col" class="num">Tasa</th><th scope="col" class="num">Tiempo mediano</th><th scope="col">Donde más se detienen</th></tr></thead>
            <tbody>{body}</tbody>
            </table>
            </div>
            """);
    }

    private static Markup Funnel(OverviewData data, DashboardFilter filter)
    {
        var started = data.Totals.Started;
        var rows = data.Funnel.Select(step => Markup.Of($"""
            <tr class="{(step.IsFollowUp ? "follow-up" : "")}">
            <th scope="row"><a class="q" href="/staff/results{filter.Query()}#{step.Question.Code}" title="{step.Question.Text.Default}">{Label(step)}</a>{BarTable.Bar(step.Reached, started)}</th>
            <td class="num">{Format.Count(step.Reached)}<span class="pct">{Format.Percent(step.Reached, started)}</span></td>
            <td class="num">{Format.Count(step.Rejected)}</td>
            <td class="num">{Format.Count(step.Stopped)}</td>
            <td class="num">{Format.Count(step.Abandoned)}</td>
            </tr>
            """));
        return Markup.Of($"""
            <h2 id="embudo">Embudo por pregunta</h2>
            <p class="funnel-note">Cuántas personas llegaron a cada pregunta (y qué parte de las que iniciaron), cuántas respuestas no se entendieron y hubo que repetir (rechazos), y dónde están quienes se detuvieron y quienes abandonaron: las mismas personas que en las tarjetas. Las preguntas «¿Cuál?» solo se hacen a quien eligió «Otro». Cada pregunta lleva a sus resultados.</p>
            <div class="scroll">
            <table class="funnel" aria-labelledby="embudo">
            <thead><tr><th scope="col">Pregunta</th><th scope="col" class="num">Lle&shy;garon</th><th scope="col" class="num">Recha&shy;zos</th><th scope="col" class="num">Se detu&shy;vieron aquí</th><th scope="col" class="num">Aban&shy;donaron aquí</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }
}
