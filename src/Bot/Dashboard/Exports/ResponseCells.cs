using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>A response's answer values as export cells keyed by column name (see <see cref="ExportLayout"/>).</summary>
public static class ResponseCells
{
    public static Dictionary<string, string?> Of(CompiledSurvey survey, ExportResponse response)
    {
        var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var value in response.Values)
        {
            var index = survey.Definition.IndexOf(value.Question);
            if (index < 0)
            {
                continue; // a question of another version of the form: it has no column here
            }

            var q = survey.Questions[index];
            switch (q.Kind)
            {
                case QuestionKind.MultipleChoice:
                    // A chosen option is 1 and every other option of an answered question 0; unanswered stays empty.
                    foreach (var option in q.Options)
                    {
                        cells.TryAdd($"{q.Code}.{option.Code}", "0");
                    }

                    cells[$"{q.Code}.{value.Option}"] = "1";
                    break;
                case QuestionKind.Grid:
                    cells[$"{q.Code}.{value.Row}"] = value.Option;
                    break;
                case QuestionKind.Ranked:
                    cells[$"{q.Code}.rank{value.Rank}"] = value.Option;
                    break;
                case QuestionKind.Text:
                    cells[value.Row is null ? q.Code : $"{q.Code}.{value.Row}"] = value.Text is null ? null : TextRedaction.Apply(value.Text);
                    break;
                default:
                    cells[q.Code] = value.Option;
                    break;
            }
        }

        return cells;
    }
}
