using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Promoters;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>The export page: the filter, then one link per format, each keeping the filter.</summary>
public static class ExportsPage
{
    public static Markup Render(DashboardFilter filter, IReadOnlyList<Promoter> promoters, IReadOnlyList<string> versions)
    {
        var query = filter.Query();
        return Markup.Of($"""
            <h1>Exportar</h1>
            <p class="lead">Elige el periodo (días en que iniciaron las conversaciones), el canal o el promotor, pulsa «Aplicar» y descarga.</p>
            {FilterForm.Render("/staff/exports", filter, promoters, versions)}
            <ul class="downloads">
            <li><a href="/staff/export/responses.csv{query}" download>Respuestas en CSV</a> — una fila por respuesta, UTF-8 con BOM (se abre bien en Excel), con seudónimo y horas exactas. Solo para uso interno.</li>
            <li><a href="/staff/export/responses.xlsx{query}" download>Respuestas en Excel (XLSX)</a> — las mismas columnas que el CSV, con una fila de encabezado con el texto de cada pregunta y el diccionario de datos en una segunda hoja.</li>
            <li><a href="/staff/export/responses.jsonl{query}" download>Respuestas en JSON Lines</a> — un objeto JSON por línea, respuestas anidadas por pregunta.</li>
            <li><a href="/staff/export/dictionary.csv" download>Diccionario de datos</a> — cada columna con su pregunta, tipo y códigos.</li>
            </ul>
            <h2>Paquete de datos abiertos</h2>
            <p>Un zip con <code>datapackage.json</code> (Frictionless Data Package: esquema, licencia y fuente), <code>respuestas.csv</code> y <code>diccionario.csv</code>. Sin seudónimos ni contactos; solo el día (no la hora) de inicio y de envío.</p>
            <form method="get" action="/staff/export/open-data.zip" class="inline">
            <input type="hidden" name="channel" value="{filter.Channel}"><input type="hidden" name="promoter" value="{filter.Promoter}"><input type="hidden" name="version" value="{filter.Version}">
            <input type="hidden" name="from" value="{filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"><input type="hidden" name="to" value="{filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}">
            <label class="check"><input type="checkbox" name="texts" value="1"> Incluir los textos libres (revísalos antes de publicar: pueden contener nombres)</label>
            <button type="submit">Descargar paquete de datos abiertos</button>
            </form>
            """);
    }
}
