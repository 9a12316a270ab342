using System.Text;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>The review shown before sending: one short line per question, in the person's language.</summary>
internal static class Summary
{
    public static string Render(CompiledSurvey survey, ConversationState state, BotTexts texts)
    {
        var language = state.Language;
        var text = new StringBuilder(texts.Summary).Append('\n');
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            var q = survey.Questions[i];
            if (state.AnswerAt(i) is not { } answer)
            {
                continue;
            }

            text.Append('\n').Append(q.When is null ? $"{q.Number}) " : "   ↳ ").Append(Describe(q, answer, language, texts));
        }

        return text.ToString();
    }

    private static string Describe(Question q, Answer answer, string language, BotTexts texts)
    {
        if (answer.Choices.IsEmpty && answer.Texts.IsEmpty)
        {
            return texts.SummarySkipped;
        }

        return q.Kind switch
        {
            QuestionKind.YesNo => answer.Choices[0] == 0 ? texts.Yes : texts.No,
            QuestionKind.Grid => string.Join(" ", answer.Choices.Select(c => q.Options[c].Code)),
            QuestionKind.Ranked => string.Join(", ", answer.Choices.Select((c, k) => $"{k + 1}. {q.Options[c].Text.Get(language)}")),
            QuestionKind.Text => string.Join(" / ", answer.Texts),
            _ => string.Join(", ", answer.Choices.Select(c => q.Options[c].Text.Get(language))),
        };
    }
}
