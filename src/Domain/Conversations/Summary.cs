using System.Text;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>The review shown before sending: one short line per question, in the person's language.</summary>
internal static class Summary
{
    /// <summary>One builder per thread, reused: rendering is synchronous and never re-entered.</summary>
    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static string Render(CompiledSurvey survey, ConversationState state, BotTexts texts)
    {
        var language = state.Language;
        // Everything is appended in place, without strings per line.
        var text = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        text.Clear().Append(texts.Summary).Append('\n');
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            var q = survey.Questions[i];
            if (state.AnswerAt(i) is not { } answer)
            {
                continue;
            }

            text.Append('\n');
            if (q.When is null)
            {
                text.Append(q.Number).Append(") ");
            }
            else
            {
                text.Append("   ↳ ");
            }

            Describe(text, q, answer, language, texts);
        }

        var result = text.ToString();
        // A builder grown by very long texts is let go rather than kept.
        if (text.Capacity <= 8192)
        {
            t_builder = text;
        }

        return result;
    }

    private static void Describe(StringBuilder text, Question q, Answer answer, string language, BotTexts texts)
    {
        if (answer.Choices.IsEmpty && answer.Texts.IsEmpty)
        {
            text.Append(texts.SummarySkipped);
            return;
        }

        switch (q.Kind)
        {
            case QuestionKind.YesNo:
                text.Append(answer.Choices[0] == 0 ? texts.Yes : texts.No);
                break;
            case QuestionKind.Grid:
                for (var k = 0; k < answer.Choices.Length; k++)
                {
                    text.Append(k == 0 ? "" : " ").Append(q.Options[answer.Choices[k]].Code);
                }

                break;
            case QuestionKind.Ranked:
                for (var k = 0; k < answer.Choices.Length; k++)
                {
                    text.Append(k == 0 ? "" : ", ").Append(k + 1).Append(". ").Append(q.Options[answer.Choices[k]].Text.Get(language));
                }

                break;
            case QuestionKind.Text:
                for (var k = 0; k < answer.Texts.Length; k++)
                {
                    text.Append(k == 0 ? "" : " / ").Append(answer.Texts[k]);
                }

                break;
            default:
                for (var k = 0; k < answer.Choices.Length; k++)
                {
                    text.Append(k == 0 ? "" : ", ").Append(q.Options[answer.Choices[k]].Text.Get(language));
                }

                break;
        }
    }
}
