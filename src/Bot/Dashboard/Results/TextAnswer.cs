namespace ChatSurvey.Bot.Dashboard.Results;

/// <summary>A free text as staff see it (phone-like numbers already hidden), with when and where the conversation started.</summary>
public sealed record TextAnswer(string Text, DateTimeOffset StartedAt, string Channel);
