using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Yes/no, single and multiple choice: count and percentage per option; grids as stacked bars per row.</summary>
public static class ChoiceResults
{
    /// <param name="suppression">For the public: small counts, and what they could be worked out from, withheld.</param>
    public static Markup Choice(Question q, ResultsData data, OpenData.Suppression? suppression = null)
    {
        var answered = data.AnsweredCount(q.Code);
        if (suppression?.IsSmall(answered) == true)
        {
            return Markup.Of($"""<p>{suppression.Show(answered)} respuestas: no se muestran.</p>""");
        }

        var options = OptionsOf(q).ToList();
        var counts = options.Select(o => data.Count(q.Code, null, null, o.Code)).ToList();
        var hidden = suppression?.Apply(counts) ?? new bool[counts.Count];
        var rows = options.Select((o, i) => hidden[i]
            ? new BarTable.Row(Markup.Of($"{o.Label}"), 0, suppression!.Withheld(counts[i]))
            : new BarTable.Row(Markup.Of($"{o.Label}"), counts[i], $"{Format.Count(counts[i])} ({Format.Percent(counts[i], answered)})")).ToList();
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
