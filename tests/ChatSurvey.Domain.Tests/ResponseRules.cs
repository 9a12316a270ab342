using ChatSurvey.Domain.Events;
using ChatSurvey.Domain.Surveys;
using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>What every completed response must satisfy against its survey definition, whatever path led to it.</summary>
public static class ResponseRules
{
    public static void Check(SurveyDefinition survey, CompletedResponse response)
    {
        Assert.Equal((survey.Id, survey.Version), (response.SurveyId, response.SurveyVersion));
        var byQuestion = response.Values.GroupBy(v => v.Question).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byQuestion.Keys, code => Assert.True(survey.IndexOf(code) >= 0, $"unknown question '{code}'"));

        foreach (var q in survey.Questions)
        {
            var values = byQuestion.GetValueOrDefault(q.Code) ?? [];
            var applies = q.When is not { } when
                || (byQuestion.TryGetValue(when.Question, out var parent) && parent.Any(v => v.Option == when.Option));
            if (!applies)
            {
                Assert.True(values.Count == 0, $"{q.Code} has values but its trigger was not chosen");
                continue;
            }

            if (q.Optional && values.Count == 0)
            {
                continue;
            }

            Assert.True(values.Count > 0, $"{q.Code} applies and is required but has no values");
            CheckValues(q, values);
        }
    }

    private static void CheckValues(Question q, List<AnswerValue> values)
    {
        var options = q.Kind == QuestionKind.YesNo ? SurveyLoader.YesNoCodes : [.. q.Options.Select(o => o.Code)];
        var chosen = values.Select(v => v.Option).ToList();
        switch (q.Kind)
        {
            case QuestionKind.YesNo or QuestionKind.SingleChoice:
                Assert.True(values.Count == 1, $"{q.Code} has {values.Count} values");
                Assert.Contains(chosen[0], options);
                break;
            case QuestionKind.MultipleChoice:
                Assert.All(chosen, o => Assert.Contains(o, options));
                Assert.Equal(chosen.Count, chosen.Distinct().Count());
                break;
            case QuestionKind.Grid:
                Assert.Equal(q.Rows.Select(r => r.Code), values.Select(v => v.Row));
                Assert.All(chosen, o => Assert.Contains(o, options));
                break;
            case QuestionKind.Ranked:
                Assert.Equal(Enumerable.Range(1, q.Pick).Select(i => (int?)i), values.Select(v => v.Rank));
                Assert.All(chosen, o => Assert.Contains(o, options));
                Assert.Equal(q.Pick, chosen.Distinct().Count());
                break;
            default:
                Assert.Equal(q.Parts.Count > 0 ? q.Parts.Select(p => (string?)p.Code) : [null], values.Select(v => v.Row));
                Assert.All(values, v => Assert.InRange(v.Text?.Length ?? 0, 1, q.MaxLength));
                Assert.All(values, v => Assert.Null(v.Option));
                break;
        }
    }
}
