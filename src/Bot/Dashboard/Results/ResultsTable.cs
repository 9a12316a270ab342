using ChatSurvey.Bot.Dashboard.Exports;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>
/// The aggregated results as a table, for the CSV and XLSX downloads and the open-data releases: one row per counted
/// value, in groups that share a base (a question, a grid row, a rank), so small counts can be suppressed group by group.
/// </summary>
public static class ResultsTable
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("pregunta", "string", "Código de la pregunta"),
        new("numero", "integer", "Número de la pregunta en el formulario"),
        new("texto_pregunta", "string", "Texto de la pregunta"),
        new("rubro", "string", "Código del rubro (cuadrícula); vacío si no aplica"),
        new("texto_rubro", "string", "Texto del rubro"),
        new("lugar", "integer", "Lugar en el orden de importancia (pregunta de orden); vacío si no aplica"),
        new("opcion", "string", "Código de la opción; vacío en una pregunta de texto libre (la fila cuenta quienes la respondieron)"),
        new("texto_opcion", "string", "Texto de la opción"),
        new("respuestas", "integer", "Respuestas con este valor"),
        new("base", "integer", "Respuestas a la pregunta (o a ese rubro): la base del porcentaje"),
        new("porcentaje", "number", "respuestas ÷ base × 100, con un decimal"),
    ];

    public static IEnumerable<IReadOnlyList<ResultRow>> Groups(CompiledSurvey survey, ResultsData data)
    {
        foreach (var q in survey.Questions)
        {
            var answered = data.AnsweredCount(q.Code);
            switch (q.Kind)
            {
                case QuestionKind.Grid:
                    foreach (var row in q.Rows)
                    {
                        var counts = q.Options.Select(o => (o, Count: data.Count(q.Code, row.Code, null, o.Code))).ToList();
                        var total = counts.Sum(c => c.Count);
                        yield return [.. counts.Select(c => new ResultRow(q, row.Code, row.Text.Default, null, c.o.Code, c.o.Text.Default, c.Count, total))];
                    }

                    break;
                case QuestionKind.Ranked:
                    foreach (var rank in Enumerable.Range(1, q.Pick))
                    {
                        yield return [.. q.Options.Select(o => new ResultRow(q, null, null, rank, o.Code, o.Text.Default, data.Count(q.Code, null, rank, o.Code), answered))];
                    }

                    break;
                case QuestionKind.Text:
                    yield return [new ResultRow(q, null, null, null, null, null, answered, data.Responses)];
                    break;
                default:
                    yield return [.. ChoiceResults.OptionsOf(q).Select(o => new ResultRow(q, null, null, null, o.Code, o.Label, data.Count(q.Code, null, null, o.Code), answered))];
                    break;
            }
        }
    }

    /// <param name="suppressed">The row's counts are withheld (public tables): its count, base and percentage are left empty.</param>
    public static string?[] Cells(ResultRow row, bool suppressed = false) =>
    [
        row.Question.Code,
        row.Question.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        row.Question.Text.Default,
        row.Row,
        row.RowText,
        row.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        row.Option,
        row.OptionText,
        suppressed ? null : row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        suppressed ? null : row.Base.ToString(System.Globalization.CultureInfo.InvariantCulture),
        suppressed || row.Base == 0 ? null : (100.0 * row.Count / row.Base).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
    ];
}
