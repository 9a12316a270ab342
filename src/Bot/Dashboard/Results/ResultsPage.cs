using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>
/// Every question with its chart, in the survey's order, each a section with the question's code as its id (the
/// funnel links there); the grids compared rubro by rubro after the last of them; texts link to the texts page.
/// </summary>
public static class ResultsPage
{
    /// <param name="texts">What a text question shows: links to the staff texts page, a count (the report), the approved texts (the public page).</param>
    /// <param name="suppression">For the public page: small counts withheld; a grid is shown only as its comparison rubro by rubro.</param>
    public static Markup Render(CompiledSurvey survey, ResultsData data, Func<Question, Markup> texts, OpenData.Suppression? suppression = null)
    {
        var grids = GridComparison.Group(survey);
        var sections = survey.Questions.Select(q => Markup.Of($"""
            <section class="question{(q.When is null ? "" : " follow-up")}" id="{q.Code}">
            <h2>{Title(survey, q)}</h2>
            {Body(q, data, texts, suppression, grids)}
            </section>
            {Markup.When(grids.Count > 0 && q == grids[^1], GridComparison.Render(grids, data, suppression))}
            """));
        return Markup.Of($"""
            <p class="lead">{Format.Count(data.Responses, "respuesta completa", "respuestas completas")}.</p>
            {sections}
            """);
    }

    /// <summary>The staff texts page's links for a text question: each part, and the parts together when there are several.</summary>
    public static Markup TextLinks(Question q, ResultsData data, DashboardFilter filter)
    {
        List<(string Field, string Label)> fields = q.Parts.Count == 0
            ? [(q.Code, "Ver los textos")]
            : [.. q.Parts.Select(p => ($"{q.Code}.{p.Code}", $"Ver «{p.Label.Default}»")), .. q.Parts.Count > 1 ? [(q.Code, $"Ver {string.Join(" y ", q.Parts.Select(p => $"«{p.Label.Default}»"))} juntos")] : Array.Empty<(string, string)>()];
        var links = fields.Select(f => Markup.Of($"""<li><a href="/staff/texts{filter.Query(("field", f.Field))}">{f.Label}</a></li>"""));
        return Markup.Of($"""<p>{Format.Count(data.AnsweredCount(q.Code), "respuesta", "respuestas")} con texto libre.</p><ul class="links">{links}</ul>""");
    }

    /// <summary>"3. ¿Cuál? (quienes eligieron «Otro ¿Cuál?» en la 3)": a follow-up says whom it was asked.</summary>
    public static string Title(CompiledSurvey survey, Question q)
    {
        if (q.When is not { } when)
        {
            return $"{q.Number}. {q.Text.Default}";
        }

        var trigger = survey.Questions.FirstOrDefault(t => t.Code == when.Question);
        var option = trigger?.Options.FirstOrDefault(o => o.Code == when.Option)?.Text.Default ?? (when.Option == "si" ? "Sí" : when.Option);
        return $"{q.Number}. {q.Text.Default} (quienes respondieron «{option}» en la {trigger?.Number})";
    }

    private static Markup Body(Question q, ResultsData data, Func<Question, Markup> texts, OpenData.Suppression? suppression, IReadOnlyList<Question> grids) => (q.Kind, suppression) switch
    {
        (QuestionKind.Grid, null) => ChoiceResults.Grid(q, data),
        (QuestionKind.Grid, _) when grids.Contains(q) => Markup.Of($"""<p><a href="#comparacion">Ver la comparación rubro por rubro</a>.</p>"""),
        (QuestionKind.Grid, _) => GridComparison.Render([q], data, suppression),
        (QuestionKind.Ranked, _) => RankedResults.Render(q, data, suppression),
        (QuestionKind.Text, _) => texts(q),
        _ => ChoiceResults.Choice(q, data, suppression),
    };
}
