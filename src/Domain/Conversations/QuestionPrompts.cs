using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>A question's texts and choices in one language, built once when the survey is compiled.</summary>
internal sealed class QuestionPrompts
{
    public QuestionPrompts(SurveyDefinition survey, Question question, BotTexts texts, string language)
    {
        Style = question.Kind switch
        {
            QuestionKind.YesNo => ReplyStyle.YesNo,
            QuestionKind.SingleChoice => ReplyStyle.SingleChoice,
            QuestionKind.MultipleChoice => ReplyStyle.MultipleChoice,
            QuestionKind.Grid => ReplyStyle.Grid,
            QuestionKind.Ranked => ReplyStyle.Ranked,
            _ => ReplyStyle.Plain,
        };
        Choices = question.Kind switch
        {
            QuestionKind.YesNo => [new Choice("1", texts.Yes), new Choice("2", texts.No)],
            // Grid ratings are picked by their letter (E, B, R, M, P), which is also what people type.
            QuestionKind.Grid => [.. question.Options.Select(o => new Choice(o.Code, o.Text.Get(language)))],
            _ => [.. question.Options.Select((o, i) => new Choice((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), o.Text.Get(language)))],
        };

        PromptIds = [.. Enumerable.Range(0, question.StepCount).Select(step => $"{question.Code}.{step}")];

        var header = question.When is null ? string.Format(null, texts.QuestionHeader, question.Number, survey.QuestionCount) + "\n" : "";
        var intro = header + question.Text.Get(language);
        Steps = question.Kind switch
        {
            QuestionKind.MultipleChoice => [$"{intro}\n{texts.MultipleHint}"],
            QuestionKind.Grid => [.. question.Rows.Select((row, r) =>
                (r == 0 ? $"{intro}\n{texts.GridHint}\n\n" : "") + string.Format(null, texts.GridRow, r + 1, question.Rows.Count, row.Text.Get(language)))],
            QuestionKind.Ranked => [.. Enumerable.Range(0, question.Pick).Select(k =>
                (k == 0 ? $"{intro}\n{string.Format(null, texts.RankedHint, question.Pick)}\n\n" : "") + string.Format(null, texts.RankedStep, k + 1, question.Pick))],
            QuestionKind.Text when question.Parts.Count > 0 => [.. question.Parts.Select((part, p) =>
                (p == 0 ? intro + "\n\n" : "") + part.Label.Get(language) + (p == 0 && question.Optional ? "\n" + texts.SkipHint : ""))],
            _ => [intro + (question.Optional ? "\n" + texts.SkipHint : "")],
        };
    }

    public ReplyStyle Style { get; }

    /// <summary>The <see cref="Reply.Prompt"/> of each step while the question is asked: "q5.0", "q5.1", …</summary>
    public IReadOnlyList<string> PromptIds { get; }

    public IReadOnlyList<Choice> Choices { get; }

    /// <summary>The message for each step: grid row, text part or ranked place.</summary>
    public IReadOnlyList<string> Steps { get; }
}
