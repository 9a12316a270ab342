namespace ChatSurvey.Domain.Surveys;

/// <summary>A question is asked only when an earlier question's answer includes <see cref="Option"/>.</summary>
public sealed record FollowUpCondition(string Question, string Option);
