namespace ChatSurvey.Domain.Surveys;

/// <summary>One free text of a text question (question 9 asks for two problems, question 10 for a problem and an idea).</summary>
public sealed record TextPart(string Code, LocalizedText Label);
