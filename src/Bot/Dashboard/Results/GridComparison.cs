using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>
/// Grids that rate several subjects on the same scale and the same rows (questions 5–7: the federal, state and
/// municipal government on the same areas), compared area by area: for each subject the share that rated it good or
/// better, regular, and bad or worse, with the numbers on the bars and the number of people who rated it. That is the
/// point of asking the same grid three times.
/// </summary>
public static class GridComparison
{
    /// <summary>The largest set of at least two grids with the same scale (option codes in the same order); empty when there is none.</summary>
    public static IReadOnlyList<Question> Group(CompiledSurvey survey) =>
        survey.Questions.Where(q => q.Kind == QuestionKind.Grid && q.Options.Count >= 3)
            .GroupBy(q => string.Join('|', q.Options.Select(o => o.Code)), StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault()?.ToList() ?? [];

    /// <summary>
    /// Short names of the subjects: the words their texts do not share, after the last word they do ("¿Cómo
    /// calificarías al Gobierno Federal en los siguientes rubros?" gives "Gobierno Federal").
    /// </summary>
    public static IReadOnlyList<string> Subjects(IReadOnlyList<Question> grids)
    {
        var words = grids.Select(q => q.Text.Default.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var shortest = words.Min(w => w.Length);
        var prefix = Enumerable.Range(0, shortest).TakeWhile(i => words.All(w => w[i] == words[0][i])).Count();
        var suffix = Enumerable.Range(1, shortest - prefix).TakeWhile(i => words.All(w => w[^i] == words[0][^i])).Count();
        return [.. grids.Select((q, g) =>
        {
            var middle = words[g][prefix..(words[g].Length - suffix)];
            return middle.Length == 0 ? $"Pregunta {q.Number}" : string.Join(' ', (prefix > 0 ? words[g][(prefix - 1)..prefix] : []).Concat(middle)).Trim('¿', '?', ',', '.', ':');
        })];
    }

    /// <param name="suppression">For the public: a level with a small count in any of its three parts shows no figures.</param>
    public static Markup Render(IReadOnlyList<Question> grids, ResultsData data, OpenData.Suppression? suppression = null)
    {
        var scale = grids[0].Options;
        var side = scale.Count / 2;
        var good = $"{scale[side - 1].Text.Default} o mejor";
        var bad = $"{scale[^side].Text.Default} o peor";
        var subjects = Subjects(grids);
        var areas = grids.SelectMany(q => q.Rows).DistinctBy(r => r.Code).ToList();
        var sections = areas.Select(area => Markup.Of($"""
            <h3>{area.Text.Default}</h3>
            <div class="scroll">
            <table class="levels">
            <thead><tr><th scope="col">Nivel</th><th scope="col" class="bar-col">{good} · {scale[side].Text.Default} · {bad}</th><th scope="col" class="num">{good}</th><th scope="col" class="num">{bad}</th><th scope="col" class="num">Personas</th></tr></thead>
            <tbody>{grids.Select((q, i) => Level(q, subjects[i], area.Code, data, side, suppression))}</tbody>
            </table>
            </div>
            """));
        return Markup.Of($"""
            <section class="question comparison" id="comparacion{(grids.Count == 1 ? "-" + grids[0].Code : "")}">
            <h2>Rubro por rubro: {Join(subjects)} (preguntas {Join([.. grids.Select(q => q.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))])})</h2>
            <p class="lead">Para cada rubro, qué parte de las personas calificó a cada nivel como «{good}» ({Join([.. scale.Take(side).Select(o => o.Text.Default)])}), «{scale[side].Text.Default}» o «{bad}» ({Join([.. scale.Skip(scale.Count - side).Select(o => o.Text.Default)])}).</p>
            <ul class="legend" aria-hidden="true"><li><span class="key good"></span>{good}</li><li><span class="key mid"></span>{scale[side].Text.Default}</li><li><span class="key bad"></span>{bad}</li></ul>
            {sections}
            </section>
            """);
    }

    private static Markup Level(Question q, string subject, string area, ResultsData data, int side, OpenData.Suppression? suppression)
    {
        if (q.Rows.All(r => r.Code != area))
        {
            return Markup.Of($"""<tr><th scope="row">{subject}</th><td colspan="4" class="hint">No se preguntó por este rubro.</td></tr>""");
        }

        var counts = q.Options.Select(o => data.Count(q.Code, area, null, o.Code)).ToList();
        long[] parts = [counts.Take(side).Sum(), counts.Skip(side).Take(counts.Count - (2 * side)).Sum(), counts.Skip(counts.Count - side).Sum()];
        var shares = Widths.Split(parts);
        var total = counts.Sum();
        if (suppression is not null && parts.Any(suppression.IsSmall))
        {
            return Markup.Of($"""<tr><th scope="row">{subject}</th><td colspan="4" class="hint">Menos de {suppression.MinCount} personas en alguna de las tres partes: no se muestra.</td></tr>""");
        }

        string[] kinds = ["good", "mid", "bad"];
        var segments = parts.Select((_, i) => Markup.Of($"""<span class="seg {kinds[i]} w{shares[i]}">{(shares[i] >= 7 ? $"{shares[i]} %" : "")}</span>"""));
        return Markup.Of($"""
            <tr><th scope="row">{subject}</th><td class="bar-col"><span class="segments" aria-hidden="true">{segments}</span></td><td class="num">{Format.Percent(parts[0], total)}</td><td class="num">{Format.Percent(parts[2], total)}</td><td class="num">{Format.Count(total)}</td></tr>
            """);
    }

    /// <summary>"a, b y c".</summary>
    private static string Join(IReadOnlyList<string> items) => items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} y {items[^1]}";
}
