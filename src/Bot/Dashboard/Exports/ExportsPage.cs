using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>The export page: the filter, then the downloads, each keeping the filter; responses with codes or with the options' texts.</summary>
public static class ExportsPage
{
    /// <param name="publish">For admins: the form that publishes an open-data release now.</param>
    public static Markup Render(DashboardFilter filter, IReadOnlyList<Promoter> promoters, IReadOnlyList<string> versions, DateOnly today, Markup publish)
    {
        var query = filter.Query();
        return Markup.Of($"""
            <h1>Exportar</h1>
            <p class="lead">Elige el periodo (días en que iniciaron las conversaciones), el canal o el promotor, pulsa «Aplicar» y descarga.</p>
            {FilterForm.Render("/staff/exports", filter, promoters, versions, today)}
            <h2>Respuestas, una fila por persona</h2>
            <form method="get" class="downloads-form">
            {Hidden(filter)}
            <fieldset><legend>Valores de las respuestas</legend>
            <label class="check"><input type="radio" name="values" value="codes" checked> Códigos (<code>q4 = pesimo</code>, <code>q3.radio = 1</code>): para análisis y para cruzar con el diccionario</label>
            <label class="check"><input type="radio" name="values" value="labels"> Textos de las opciones (<code>q4 = Pésimo</code>, <code>q3.radio = Sí</code>): para leer en una hoja de cálculo</label>
            </fieldset>
            <button type="submit" formaction="/staff/export/responses.csv">Respuestas en CSV</button>
            <button type="submit" formaction="/staff/export/responses.xlsx">Respuestas en Excel (XLSX)</button>
            </form>
            <ul class="downloads">
            <li>CSV: UTF-8 con BOM (se abre bien en Excel), con seudónimo y horas exactas. Solo para uso interno. El XLSX tiene las mismas columnas, una fila de encabezado con el texto de cada pregunta y el diccionario de datos en una segunda hoja.</li>
            <li><a href="/staff/export/responses.jsonl{query}" download>Respuestas en JSON Lines</a> — un objeto JSON por línea, respuestas anidadas por pregunta (con códigos).</li>
            <li><a href="/staff/export/dictionary.csv{query}" download>Diccionario de datos</a> — cada columna con su pregunta, tipo y códigos.</li>
            </ul>
            <h2>Resultados agregados</h2>
            <ul class="downloads">
            <li><a href="/staff/export/results.csv{query}" download>Resultados en CSV</a> — una fila por opción (por rubro y por lugar), con respuestas, base y porcentaje: las tablas de la página de resultados.</li>
            <li><a href="/staff/export/results.xlsx{query}" download>Resultados y embudo en Excel (XLSX)</a> — una hoja de resultados y una del embudo por pregunta.</li>
            <li><a href="/staff/export/funnel.csv{query}" download>Embudo en CSV</a> — por pregunta: llegaron, respondieron, rechazos, se detuvieron y abandonaron.</li>
            </ul>
            <h2>Paquete de datos abiertos</h2>
            <p>Un zip con <code>datapackage.json</code> (Frictionless Data Package: esquema, licencia y fuente), <code>respuestas.csv</code> y <code>diccionario.csv</code>. Sin seudónimos ni contactos; solo el día (no la hora) de inicio y de envío. Las publicaciones para el público están en <a href="/resultados/datos">/resultados/datos</a>.</p>
            <form method="get" action="/staff/export/open-data.zip" class="inline">
            {Hidden(filter)}
            <label class="check"><input type="checkbox" name="texts" value="1"> Incluir los textos libres (revísalos antes de publicar: pueden contener nombres)</label>
            <button type="submit">Descargar paquete de datos abiertos</button>
            </form>
            {publish}
            """);
    }

    private static Markup Hidden(DashboardFilter filter) => Markup.Of($"""
        <input type="hidden" name="channel" value="{filter.Channel}"><input type="hidden" name="promoter" value="{filter.Promoter}"><input type="hidden" name="version" value="{filter.Version}">
        <input type="hidden" name="from" value="{filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"><input type="hidden" name="to" value="{filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}">
        """);
}
