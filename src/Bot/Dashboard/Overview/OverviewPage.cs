using ChatSurvey.Bot.Dashboard.Html;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>The figures of the dashboard as HTML: the part that the page refreshes every few seconds.</summary>
public static class OverviewPage
{
    public static Markup Figures(OverviewData data, DateTimeOffset now, TimeSpan offset)
    {
        var t = data.Totals;
        return Markup.Of($"""
            <p class="updated">Actualizado a las {now.ToOffset(offset).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}</p>
            <dl class="cards">
            {Card("Iniciaron", Format.Count(t.Started), "aceptaron el aviso y empezaron")}
            {Card("Completaron", Format.Count(t.Completed), "enviaron sus respuestas")}
            {Card("Tasa de finalización", Format.Percent(t.CompletionRate), "completaron de cada 100 que iniciaron")}
            {Card("Tiempo mediano", Format.Duration(data.MedianTimeToComplete), "de inicio a envío")}
            {Card("En curso", Format.Count(t.InProgress), "aún pueden terminar")}
            {Card("Abandonaron", Format.Count(t.Abandoned), "dejaron de responder a medias")}
            {Card("Cancelaron", Format.Count(t.Cancelled), "escribieron «cancelar»")}
            </dl>
            {DayChart.Render("Personas por día de inicio", [.. data.Days.Select(d => new DayChart.Day(d.Day, d.Counts.Started, d.Counts.Completed))])}
            {Funnel(data)}
            """);
    }

    private static Markup Card(string title, string value, string hint) =>
        Markup.Of($"""<div class="card"><dt>{title}</dt><dd><span class="big">{value}</span><span class="hint">{hint}</span></dd></div>""");

    private static Markup Funnel(OverviewData data)
    {
        var started = data.Totals.Started;
        var rows = data.Funnel.Select(step => Markup.Of($"""
            <tr class="{(step.IsFollowUp ? "follow-up" : "")}">
            <th scope="row"><span class="q" title="{step.Question.Text.Default}">{Label(step)}</span>{BarTable.Bar(step.Reached, started)}</th>
            <td class="num">{Format.Count(step.Reached)}<span class="pct">{Format.Percent(step.Reached, started)}</span></td>
            <td class="num">{Format.Count(step.Rejected)}</td>
            <td class="num">{Format.Count(step.AbandonedHere)}</td>
            </tr>
            """));
        return Markup.Of($"""
            <h2 id="embudo">Embudo por pregunta</h2>
            <p class="funnel-note">Cuántas personas llegaron a cada pregunta (y qué parte de las que iniciaron), cuántas respuestas no se entendieron y hubo que repetir (rechazos) y dónde se quedaron quienes abandonaron. Las preguntas «¿Cuál?» solo se hacen a quien eligió «Otro».</p>
            <div class="scroll">
            <table class="funnel" aria-labelledby="embudo">
            <thead><tr><th scope="col">Pregunta</th><th scope="col" class="num">Lle&shy;garon</th><th scope="col" class="num">Recha&shy;zos</th><th scope="col" class="num">Aban&shy;donos</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    public static string Label(FunnelStep step) =>
        $"{(step.IsFollowUp ? "↳ " : "")}{step.Question.Number}. {Shorten(step.Question.Text.Default)}";

    public static string Shorten(string text, int length = 70) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
