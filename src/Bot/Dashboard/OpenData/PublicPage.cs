using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// The public results page (/resultados): what the consultation found, for anyone, on a phone first. The same charts
/// as the staff results with small counts withheld, only the texts staff approved, the funnel, and where to download
/// every open-data release.
/// </summary>
public static class PublicPage
{
    public static Markup Render(PublicSnapshot snapshot, Suppression suppression, IReadOnlyList<Release> releases, TimeSpan offset, string license, string licenseUrl)
    {
        var t = snapshot.Figures.Totals;
        var approved = snapshot.ApprovedTexts.ToLookup(a => a.Field.Question.Code, StringComparer.Ordinal);
        Markup Texts(Question q)
        {
            var fields = approved[q.Code].Where(a => a.Texts.Count > 0).ToList();
            return fields.Count == 0
                ? Markup.Of($"""<p>Las respuestas a esta pregunta son textos libres; se publican cuando el Secretariado los revisa y aprueba. Aún no hay textos aprobados.</p>""")
                : Markup.Join(fields.Select(f => Markup.Of($"""
                    <h3>{(f.Field.Part is { } part ? part.Label.Default : "Textos aprobados")}</h3>
                    <ul class="approved">{f.Texts.Select(text => Markup.Of($"""<li>{text.Text}{Markup.When(!suppression.IsSmall(text.Count) && text.Count > 1, Markup.Of($""" <span class="n">({Format.Count(text.Count)} personas)</span>"""))}</li>"""))}</ul>
                    """)));
        }

        var funnel = snapshot.Figures.Funnel.Where(s => !s.IsFollowUp).Select(s => Markup.Of($"""
            <tr><th scope="row">{s.Question.Number}. {Overview.OverviewPage.Shorten(s.Question.Text.Default, 60)}</th><td class="num">{suppression.Show(s.Reached)}</td><td class="num">{suppression.Show(s.Stopped + s.Abandoned)}</td></tr>
            """));
        var latest = releases.Count > 0 ? releases[0] : null;
        return Markup.Of($"""
            <a class="skip" href="#resultados">Ir a los resultados</a>
            <header class="top public"><span class="brand">Gobierno Abierto Oaxaca · Resultados de la consulta</span></header>
            <main id="contenido">
            <h1>{snapshot.Survey.Definition.Title.Default}</h1>
            <p class="lead">Resultados de la consulta ciudadana del Secretariado Técnico de Gobierno Abierto del Estado de Oaxaca (STGAO, OGAIPO), para elegir los temas del Plan de Acción Local. Actualizado el {Format.Moment(snapshot.GeneratedAt, offset)} (hora de Oaxaca); se actualiza cada hora.</p>
            <p class="note">Para proteger a quienes respondieron, las cifras menores a {suppression.MinCount} no se muestran (y tampoco las que permitirían deducirlas), y los textos libres se publican solo cuando el Secretariado los revisa y aprueba.</p>
            <section aria-labelledby="participacion">
            <h2 id="participacion">Participación</h2>
            <dl class="cards">
            <div class="card"><dt>Iniciaron</dt><dd><span class="big">{suppression.Show(t.Started)}</span></dd></div>
            <div class="card"><dt>Completaron</dt><dd><span class="big">{suppression.Show(t.Completed)}</span></dd></div>
            <div class="card"><dt>Tasa de finalización</dt><dd><span class="big">{(suppression.IsSmall(t.Completed) || suppression.IsSmall(t.Started) ? "—" : Format.Percent(t.CompletionRate))}</span></dd></div>
            </dl>
            <div class="scroll"><table class="funnel">
            <caption>Cuántas personas llegaron a cada pregunta y cuántas dejaron de responder en ella.</caption>
            <thead><tr><th scope="col">Pregunta</th><th scope="col" class="num">Llegaron</th><th scope="col" class="num">Dejaron de responder aquí</th></tr></thead>
            <tbody>{funnel}</tbody>
            </table></div>
            </section>
            <section id="resultados" aria-labelledby="por-pregunta">
            <h2 id="por-pregunta">Resultados por pregunta</h2>
            {(suppression.IsSmall(snapshot.Results.Responses) || snapshot.Results.Responses == 0
                ? Markup.Of($"""<p>Aún no hay suficientes respuestas completas para publicar resultados.</p>""")
                : ResultsPage.Render(snapshot.Survey, snapshot.Results, Texts, suppression))}
            </section>
            <section aria-labelledby="datos">
            <h2 id="datos">Datos abiertos</h2>
            <p>Todas las respuestas (sin datos personales) y estas tablas, para descargar sin registro y usar libremente citando la fuente ({license}: <a href="{licenseUrl}">{licenseUrl}</a>). {(latest is null ? Markup.Of($"Aún no hay publicaciones.") : Markup.Of($"""La más reciente: <a href="{latest.Path}">{latest.Id}</a>."""))} <a href="/resultados/datos">Todas las publicaciones</a>.</p>
            </section>
            </main>
            """);
    }

    public static Markup Releases(IReadOnlyList<Release> releases, TimeSpan offset, string license, string licenseUrl) => Markup.Of($"""
        <header class="top public"><a class="brand" href="/resultados">Gobierno Abierto Oaxaca · Resultados de la consulta</a></header>
        <main>
        <h1>Datos abiertos de la consulta</h1>
        <p class="lead">Cada publicación tiene un identificador permanente y sigue disponible aunque haya otras más nuevas. Descarga libre, sin registro. Formato abierto: un zip con CSV (UTF-8) y <code>datapackage.json</code> (<a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a>) que describe cada columna. Uso libre citando la fuente ({license}: <a href="{licenseUrl}">{licenseUrl}</a>); cada paquete trae su cita. Lista para programas: <a href="/resultados/datos.json">/resultados/datos.json</a>.</p>
        {(releases.Count == 0 ? Markup.Of($"<p>Aún no hay publicaciones.</p>") : Markup.Of($"""
            <div class="scroll"><table class="releases">
            <thead><tr><th scope="col">Publicación</th><th scope="col">Fecha</th><th scope="col">Versión del formulario</th><th scope="col" class="num">Respuestas</th><th scope="col" class="num">Tamaño</th><th scope="col">SHA-256</th></tr></thead>
            <tbody>{releases.Select(r => Markup.Of($"""<tr><th scope="row"><a href="{r.Path}">{r.Id}</a></th><td>{Format.Moment(r.PublishedAt, offset)}</td><td>{r.SurveyVersion}</td><td class="num">{Format.Count(r.Responses)}</td><td class="num">{Format.Count((r.Bytes + 1023) / 1024)} KB</td><td><code>{r.Sha256}</code></td></tr>"""))}</tbody>
            </table></div>
            """))}
        </main>
        """);
}
