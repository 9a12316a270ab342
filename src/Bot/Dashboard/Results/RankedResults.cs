using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>
/// The ranked question (5 of 22 topics): how often each topic was put first, and its Borda score, where place 1 earns
/// <c>pick</c> points (5) down to 1 point for the last place, so the whole ranking counts, not only the top.
/// </summary>
public static class RankedResults
{
    public static long Borda(Question q, ResultsData data, string option) =>
        Enumerable.Range(1, q.Pick).Sum(rank => (q.Pick + 1 - rank) * data.Count(q.Code, null, rank, option));

    public static Markup Render(Question q, ResultsData data)
    {
        var answered = data.AnsweredCount(q.Code);
        var topics = q.Options.Select(o => (o.Code, Label: o.Text.Default, First: data.Count(q.Code, null, 1, o.Code), Score: Borda(q, data, o.Code))).ToList();
        var first = topics.OrderByDescending(t => t.First).ThenBy(t => t.Label, StringComparer.Ordinal)
            .Select(t => new BarTable.Row(Markup.Of($"{t.Label}"), t.First, $"{Format.Count(t.First)} ({Format.Percent(t.First, answered)})"))
            .ToList();
        var maxScore = Math.Max(1, topics.Max(t => t.Score));
        var borda = topics.OrderByDescending(t => t.Score).ThenBy(t => t.Label, StringComparer.Ordinal)
            .Select(t => new BarTable.Row(Markup.Of($"{t.Label}"), t.Score, Format.Count(t.Score)))
            .ToList();
        return Markup.Of($"""
            <div class="two">
            {BarTable.Render($"En primer lugar ({answered} respuestas)", "Veces", first, answered)}
            {BarTable.Render($"Puntaje Borda: {q.Pick} puntos por el 1.er lugar … 1 por el {q.Pick}.º", "Puntos", borda, maxScore)}
            </div>
            """);
    }
}
