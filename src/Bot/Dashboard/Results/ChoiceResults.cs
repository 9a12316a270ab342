using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Yes/no, single and multiple choice: count and percentage per option; grids as stacked bars per row.</summary>
public static class ChoiceResults
{
    public static Markup Choice(Question q, ResultsData data)
    {
        var answered = data.AnsweredCount(q.Code);
        var rows = OptionsOf(q).Select(o =>
        {
            var count = data.Count(q.Code, null, null, o.Code);
            return new BarTable.Row(Markup.Of($"{o.Label}"), count, $"{Format.Count(count)} ({Format.Percent(count, answered)})");
        }).ToList();
        var note = q.Kind == QuestionKind.MultipleChoice ? " Se podía elegir más de una: los porcentajes suman más de 100 %." : "";
        return BarTable.Render($"{Format.Count(answered, "respuesta", "respuestas")}.{note}", "Respuestas", rows, answered);
    }

    public static Markup Grid(Question q, ResultsData data)
    {
        var scale = q.Options.Select(o => o.Text.Default).ToList();
        var rows = q.Rows.Select(row => new StackedBars.Row(row.Text.Default, [.. q.Options.Select(o => data.Count(q.Code, row.Code, null, o.Code))])).ToList();
        return StackedBars.Render($"calificaciones por rubro (pregunta {q.Number})", scale, rows);
    }

    /// <summary>The options with their labels; yes/no questions have the two fixed ones.</summary>
    public static IEnumerable<(string Code, string Label)> OptionsOf(Question q) => q.Kind == QuestionKind.YesNo
        ? [("si", "Sí"), ("no", "No")]
        : q.Options.Select(o => (o.Code, o.Text.Default));
}
