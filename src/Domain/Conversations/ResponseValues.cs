using System.Collections.Immutable;
using ChatSurvey.Domain.Events;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>Turns answers into one value per option, grid row, rank place or text, under their codes.</summary>
internal static class ResponseValues
{
    public static List<AnswerValue> From(CompiledSurvey survey, ImmutableArray<Answer?> answers)
    {
        var values = new List<AnswerValue>();
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            if (answers[i] is { } answer)
            {
                Add(values, survey.Questions[i], answer);
            }
        }

        return values;
    }

    private static void Add(List<AnswerValue> values, Question q, Answer answer)
    {
        switch (q.Kind)
        {
            case QuestionKind.YesNo:
                values.Add(AnswerValue.ForOption(q.Code, SurveyLoader.YesNoCodes[answer.Choices[0]]));
                break;
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                values.AddRange(answer.Choices.Select(c => AnswerValue.ForOption(q.Code, q.Options[c].Code)));
                break;
            case QuestionKind.Grid:
                values.AddRange(answer.Choices.Select((c, row) => new AnswerValue(q.Code, q.Rows[row].Code, null, q.Options[c].Code, null)));
                break;
            case QuestionKind.Ranked:
                values.AddRange(answer.Choices.Select((c, place) => new AnswerValue(q.Code, null, place + 1, q.Options[c].Code, null)));
                break;
            default:
                values.AddRange(answer.Texts.Select((text, part) => new AnswerValue(q.Code, q.Parts.Count > 0 ? q.Parts[part].Code : null, null, null, text)));
                break;
        }
    }
}
