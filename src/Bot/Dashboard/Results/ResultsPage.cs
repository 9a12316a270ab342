using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>Every question with its chart, in the survey's order; texts link to the texts page.</summary>
public static class ResultsPage
{
    public static Markup Render(CompiledSurvey survey, ResultsData data, DashboardFilter filter)
    {
        var sections = survey.Questions.Select(q => Markup.Of($"""
            <section class="question" id="{q.Code}">
            <h2>{Title(survey, q)}</h2>
            {Body(q, data, filter)}
            </section>
            """));
        return Markup.Of($"""
            <p class="lead">{Format.Count(data.Responses)} respuestas completas en este filtro.</p>
            {sections}
            """);
    }

    /// <summary>"3. ¿Cuál? (quienes eligieron «Otro ¿Cuál?» en la 3)": a follow-up says whom it was asked.</summary>
    private static string Title(CompiledSurvey survey, Question q)
    {
        if (q.When is not { } when)
        {
            return $"{q.Number}. {q.Text.Default}";
        }

        var trigger = survey.Questions.FirstOrDefault(t => t.Code == when.Question);
        var option = trigger?.Options.FirstOrDefault(o => o.Code == when.Option)?.Text.Default ?? (when.Option == "si" ? "Sí" : when.Option);
        return $"{q.Number}. {q.Text.Default} (quienes respondieron «{option}» en la {trigger?.Number})";
    }

    private static Markup Body(Question q, ResultsData data, DashboardFilter filter) => q.Kind switch
    {
        QuestionKind.Grid => ChoiceResults.Grid(q, data),
        QuestionKind.Ranked => RankedResults.Render(q, data),
        QuestionKind.Text => Texts(q, data, filter),
        _ => ChoiceResults.Choice(q, data),
    };

    private static Markup Texts(Question q, ResultsData data, DashboardFilter filter)
    {
        var fields = q.Parts.Count == 0 ? [(q.Code, "Ver los textos")] : q.Parts.Select(p => ($"{q.Code}.{p.Code}", $"Ver «{p.Label.Default}»")).ToList();
        var links = fields.Select(f => Markup.Of($"""<li><a href="/staff/texts{filter.Query(("field", f.Item1))}">{f.Item2}</a></li>"""));
        return Markup.Of($"""<p>{Format.Count(data.AnsweredCount(q.Code))} respuestas con texto libre.</p><ul class="links">{links}</ul>""");
    }
}
