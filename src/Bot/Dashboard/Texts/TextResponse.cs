namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>One response's parts of a text question, side by side (question 10's problem and idea), each with its review mark.</summary>
public sealed record TextResponse(DateTimeOffset StartedAt, string Channel, IReadOnlyList<(string Label, string? Text, string? Review)> Parts);
