using System.Collections.Immutable;
using ChatSurvey.Domain.Events;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>Turns answers into one value per option, grid row, rank place or text, under their codes.</summary>
internal static class ResponseValues
{
    public static List<AnswerValue> From(CompiledSurvey survey, ImmutableArray<Answer?> answers)
    {
        // One value per choice or text, so the list is allocated once at its final size.
        var count = 0;
        foreach (var answer in answers)
        {
            count += answer is null ? 0 : answer.Choices.Length + answer.Texts.Length;
        }

        var values = new List<AnswerValue>(count);
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
                foreach (var c in answer.Choices)
                {
                    values.Add(AnswerValue.ForOption(q.Code, q.Options[c].Code));
                }

                break;
            case QuestionKind.Grid:
                for (var row = 0; row < answer.Choices.Length; row++)
                {
                    values.Add(new AnswerValue(q.Code, q.Rows[row].Code, null, q.Options[answer.Choices[row]].Code, null));
                }

                break;
            case QuestionKind.Ranked:
                for (var place = 0; place < answer.Choices.Length; place++)
                {
                    values.Add(new AnswerValue(q.Code, null, place + 1, q.Options[answer.Choices[place]].Code, null));
                }

                break;
            default:
                for (var part = 0; part < answer.Texts.Length; part++)
                {
                    values.Add(new AnswerValue(q.Code, q.Parts.Count > 0 ? q.Parts[part].Code : null, null, null, answer.Texts[part]));
                }

                break;
        }
    }
}
