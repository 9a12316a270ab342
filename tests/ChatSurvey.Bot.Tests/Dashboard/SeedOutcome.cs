namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>How a seeded person's conversation stands.</summary>
public enum SeedOutcome
{
    Completed,
    InProgress,
    Abandoned,
    Cancelled,
}
