using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// One person of the seeded dataset, as the test knows them: where they came from, when they started, how far they
/// got and how it ended. The expected figures are computed from these records, never from the database.
/// </summary>
/// <param name="Starts">When they gave consent; a second start is a restart ("reiniciar"), at the instant of the first's cancellation.</param>
/// <param name="Asked">Questions put to them, in order (the funnel's "reached").</param>
/// <param name="RejectedAt">The question where their answers were rejected, and how many times.</param>
public sealed record SeedPerson(
    string Respondent,
    string Channel,
    string? Promoter,
    IReadOnlyList<DateTimeOffset> Starts,
    SeedOutcome Outcome,
    IReadOnlyList<string> Asked,
    (string Question, int Times) RejectedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<AnswerValue> Values)
{
    public DateTimeOffset FirstStart => Starts[0];

    public DateTimeOffset LastStart => Starts[^1];

    public string LastAsked => Asked[^1];
}
