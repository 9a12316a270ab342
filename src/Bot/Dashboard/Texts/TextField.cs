using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>
/// A free text that can be read on the texts page: a text question, one part of it ("q9.problema_1"), or all parts of a
/// question together ("q10": each person's problem beside their idea).
/// </summary>
public sealed record TextField(string Key, Question Question, TextPart? Part)
{
    /// <summary>Every part of the question, response by response.</summary>
    public bool Together => Part is null && Question.Parts.Count > 1;

    public string Label => (Part, Together) switch
    {
        (null, true) => $"{Question.Number}. {string.Join(" y ", Question.Parts.Select(p => p.Label.Default))}, juntos",
        (null, _) => $"{Question.Number}. {Question.Text.Default}{(Question.When is not null ? " — texto de «Otro»" : "")}",
        _ => $"{Question.Number}. {Part.Label.Default}",
    };

    public static IReadOnlyList<TextField> All(CompiledSurvey survey) =>
    [
        .. survey.Questions.Where(q => q.Kind == QuestionKind.Text).SelectMany(q => q.Parts.Count == 0
            ? [new TextField(q.Code, q, null)]
            : q.Parts.Select(p => new TextField($"{q.Code}.{p.Code}", q, p)).Concat(q.Parts.Count > 1 ? [new TextField(q.Code, q, null)] : [])),
    ];
}
