using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>A free text that can be read on the texts page: a text question, or one part of it ("q9.problema_1").</summary>
public sealed record TextField(string Key, Question Question, TextPart? Part)
{
    public string Label => Part is null
        ? $"{Question.Number}. {Question.Text.Default}{(Question.When is not null ? " — texto de «Otro»" : "")}"
        : $"{Question.Number}. {Part.Label.Default}";

    public static IReadOnlyList<TextField> All(CompiledSurvey survey) =>
    [
        .. survey.Questions.Where(q => q.Kind == QuestionKind.Text).SelectMany(q => q.Parts.Count == 0
            ? [new TextField(q.Code, q, null)]
            : q.Parts.Select(p => new TextField($"{q.Code}.{p.Code}", q, p))),
    ];
}
