using ChatSurvey.Bot.Dashboard.Exports;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>The funnel as a table, for the downloads and the open-data releases: one row per question.</summary>
public static class FunnelTable
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("pregunta", "string", "Código de la pregunta"),
        new("numero", "integer", "Número de la pregunta en el formulario"),
        new("texto_pregunta", "string", "Texto de la pregunta"),
        new("llegaron", "integer", "Personas a las que se les hizo la pregunta"),
        new("respondieron", "integer", "Personas cuya respuesta se registró"),
        new("rechazos", "integer", "Respuestas que no se entendieron y se pidieron de nuevo"),
        new("se_detuvieron", "integer", "Personas que dejaron de responder en esta pregunta y aún pueden volver"),
        new("abandonaron", "integer", "Personas cuya conversación terminó sin respuesta en esta pregunta"),
    ];

    /// <param name="shown">How a count is written (the public tables leave small ones empty).</param>
    public static string?[] Cells(FunnelStep step, Func<long, string?> shown) =>
    [
        step.Question.Code,
        step.Question.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        step.Question.Text.Default,
        shown(step.Reached),
        shown(step.Answered),
        shown(step.Rejected),
        shown(step.Stopped),
        shown(step.Abandoned),
    ];
}
