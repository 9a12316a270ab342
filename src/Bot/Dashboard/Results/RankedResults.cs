using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>
/// The ranked question (5 of 22 topics): how many people put each topic among their five ("veces en el top 5"), how
/// many put it first, and a weighted score that counts the whole order: place 1 earns <c>pick</c> points (5) down to 1
/// point for the last place.
/// </summary>
public static class RankedResults
{
    private static readonly string[] Ordinals = ["primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo"];

    public static long WeightedScore(Question q, ResultsData data, string option) =>
        Enumerable.Range(1, q.Pick).Sum(rank => (q.Pick + 1 - rank) * data.Count(q.Code, null, rank, option));

    /// <summary>How many people put the topic in any of their places.</summary>
    public static long TopCount(Question q, ResultsData data, string option) => Enumerable.Range(1, q.Pick).Sum(rank => data.Count(q.Code, null, rank, option));

    /// <summary>The weighted score in words, for the page and the report.</summary>
    public static string Explanation(Question q)
    {
        var places = Enumerable.Range(1, q.Pick).Select(rank => $"en {(rank <= Ordinals.Length ? Ordinals[rank - 1] : $"{rank}.º")} lugar {Format.Count(q.Pick + 1 - rank, "punto", "puntos")}").ToList();
        return $"El puntaje ponderado toma en cuenta todo el orden: cada vez que alguien pone un tema {string.Join(", ", places.Take(places.Count - 1))} y {places[^1]}. Un tema que muchas personas eligen, aunque no en primer lugar, suma más que uno que pocas ponen primero.";
    }

    /// <param name="suppression">For the public: small counts, and what they could be worked out from, withheld.</param>
    public static Markup Render(Question q, ResultsData data, OpenData.Suppression? suppression = null)
    {
        var answered = data.AnsweredCount(q.Code);
        if (suppression?.IsSmall(answered) == true)
        {
            return Markup.Of($"""<p>{suppression.Show(answered)} respuestas: no se muestran.</p>""");
        }

        var topics = q.Options.Select(o => (Label: o.Text.Default, First: data.Count(q.Code, null, 1, o.Code), Top: TopCount(q, data, o.Code), Score: WeightedScore(q, data, o.Code))).ToList();
        var hideFirst = suppression?.Apply([.. topics.Select(t => t.First)]) ?? new bool[topics.Count];
        var hideTop = suppression?.Apply([.. topics.Select(t => t.Top)]) ?? new bool[topics.Count];
        string Figure(long value, bool hidden) => hidden ? suppression!.Withheld(value) : $"{Format.Count(value)} ({Format.Percent(value, answered)})";
        var top = topics.Select((t, i) => (t, i)).OrderByDescending(x => hideTop[x.i] ? 0 : x.t.Top).ThenBy(x => x.t.Label, StringComparer.Ordinal)
            .Select(x => new BarTable.Row(Markup.Of($"{x.t.Label}"), hideTop[x.i] ? 0 : x.t.Top, Figure(x.t.Top, hideTop[x.i]))).ToList();
        var first = topics.Select((t, i) => (t, i)).OrderByDescending(x => hideFirst[x.i] ? 0 : x.t.First).ThenBy(x => x.t.Label, StringComparer.Ordinal)
            .Select(x => new BarTable.Row(Markup.Of($"{x.t.Label}"), hideFirst[x.i] ? 0 : x.t.First, Figure(x.t.First, hideFirst[x.i]))).ToList();
        var scores = topics.Select((t, i) => (t, i)).Where(x => !hideTop[x.i] && !hideFirst[x.i]).OrderByDescending(x => x.t.Score).ThenBy(x => x.t.Label, StringComparer.Ordinal)
            .Select(x => Markup.Of($"""<tr><th scope="row">{x.t.Label}</th><td class="num">{Format.Count(x.t.Score)}</td><td class="num">{Format.Count(x.t.Top)}</td><td class="num">{Format.Count(x.t.First)}</td></tr>"""));
        return Markup.Of($"""
            <p>{Format.Count(answered, "persona eligió", "personas eligieron")} {q.Pick} temas en orden de importancia.</p>
            <div class="two">
            {BarTable.Render($"Veces en el top {q.Pick}: personas que pusieron el tema entre sus {q.Pick}", "Veces", top, answered)}
            {BarTable.Render("Veces en primer lugar", "Veces", first, answered)}
            </div>
            <h3>Puntaje ponderado</h3>
            <p class="hint">{Explanation(q)}</p>
            <div class="scroll"><table><thead><tr><th scope="col">Tema</th><th scope="col" class="num">Puntaje</th><th scope="col" class="num">En el top {q.Pick}</th><th scope="col" class="num">Primer lugar</th></tr></thead><tbody>{scores}</tbody></table></div>
            """);
    }
}
