using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// A completed response as the tallies count it: under the day its conversation started (with its channel, promoter
/// and version), its time to complete, and its option values.
/// </summary>
public sealed record StoredResponse(string Id, TallyKey Key, int Bucket, DateTimeOffset CompletedAt)
{
    /// <param name="startedAt">Times at the precision the database keeps (<see cref="SqlDialect.Stored"/>).</param>
    public static StoredResponse Of(string id, string channel, string? promoter, string version, DateTimeOffset startedAt, DateTimeOffset completedAt, TallySettings settings) =>
        new(id, new TallyKey(settings.Day(startedAt), channel, promoter ?? "", version), Durations.Bucket(completedAt - startedAt), completedAt);

    /// <summary>Adds (1) or takes away (-1) the response: its count and duration, the questions it answered and each option value.</summary>
    public void AddTo(Tally tally, int sign, IEnumerable<AnswerValue> values)
    {
        tally.AddDuration(Key, Bucket, sign);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (answered.Add(value.Question))
            {
                tally.AddAnswer(Key, AnswerKey.Answered(value.Question), sign);
            }

            if (value.Option is { } option)
            {
                tally.AddAnswer(Key, new AnswerKey(value.Question, value.Row ?? "", value.Rank ?? 0, option), sign);
            }
        }
    }
}
