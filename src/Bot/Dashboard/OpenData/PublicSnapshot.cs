using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Dashboard.Texts;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>The public results as of one moment: every response of every version, under the current version's questions, and the approved texts.</summary>
public sealed record PublicSnapshot(
    DateTimeOffset GeneratedAt,
    CompiledSurvey Survey,
    OverviewData Figures,
    ResultsData Results,
    IReadOnlyList<(TextField Field, IReadOnlyList<(string Text, long Count)> Texts)> ApprovedTexts);
