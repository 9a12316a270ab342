using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Report;

/// <summary>
/// The report: a cover (the survey's title and version, the period and filters, when it was generated, the figures and
/// the funnel), then each question on a page of its own (follow-ups stay with their question). staff.css's print rules
/// break the pages and hide the buttons.
/// </summary>
public static class ReportPage
{
    public static Markup Render(
        CompiledSurvey survey, DashboardFilter filter, IReadOnlyList<Promoter> promoters, OverviewData figures, ResultsData data, DateTimeOffset now, TimeSpan offset, TimeSpan stoppedAfter, TimeSpan idleExpiry)
    {
        var t = figures.Totals;
        var rows = new (string Label, string Value)[]
        {
            ("Iniciaron", Format.Count(t.Started)), ("Completaron", Format.Count(t.Completed)), ("Tasa de finalización", Format.Percent(t.CompletionRate)),
            ("Tiempo mediano de inicio a envío (aproximado)", Format.Duration(figures.MedianTimeToComplete)),
            ($"En curso (respondieron en las últimas {Format.Period(stoppedAfter)})", Format.Count(t.InProgress)),
            ($"Se detuvieron (más de {Format.Period(stoppedAfter)} sin responder)", Format.Count(t.Stopped)),
            ($"Abandonaron (más de {Format.Period(idleExpiry)} sin responder)", Format.Count(t.Abandoned)), ("Cancelaron", Format.Count(t.Cancelled)),
        };
        var funnel = figures.Funnel.Select(s => Markup.Of($"""
            <tr><th scope="row">{OverviewPage.Label(s)}</th><td class="num">{Format.Count(s.Reached)}</td><td class="num">{Format.Count(s.Rejected)}</td><td class="num">{Format.Count(s.Stopped)}</td><td class="num">{Format.Count(s.Abandoned)}</td></tr>
            """));
        return Markup.Of($"""
            <main class="report-sheet">
            <p class="no-print report-actions"><button type="button" data-print>Imprimir o guardar en PDF</button> <a href="/staff/results{filter.Query()}">Volver a los resultados</a></p>
            <header class="report-cover">
            <p class="kicker">Secretariado Técnico de Gobierno Abierto del Estado de Oaxaca · Informe de resultados</p>
            <h1>{survey.Definition.Title.Default}</h1>
            <dl class="stamp">
            <dt>Versión del formulario</dt><dd>{survey.Definition.Version}</dd>
            <dt>Periodo y filtros</dt><dd>{FilterForm.Describe(filter, promoters)}</dd>
            <dt>Generado</dt><dd>{Format.Moment(now, offset)} (hora de Oaxaca)</dd>
            <dt>Respuestas completas</dt><dd>{Format.Count(data.Responses)}</dd>
            </dl>
            </header>
            <section class="report-figures">
            <h2>Participación</h2>
            <table><tbody>{rows.Select(r => Markup.Of($"""<tr><th scope="row">{r.Label}</th><td class="num">{r.Value}</td></tr>"""))}</tbody></table>
            <h2>Embudo por pregunta</h2>
            <table class="funnel"><thead><tr><th scope="col">Pregunta</th><th scope="col" class="num">Llegaron</th><th scope="col" class="num">Rechazos</th><th scope="col" class="num">Se detuvieron aquí</th><th scope="col" class="num">Abandonaron aquí</th></tr></thead><tbody>{funnel}</tbody></table>
            </section>
            {ResultsPage.Render(survey, data, q => Markup.Of($"""<p>{Format.Count(data.AnsweredCount(q.Code), "respuesta", "respuestas")} con texto libre (los textos se leen en el panel, en «Textos»).</p>"""))}
            </main>
            """);
    }
}
