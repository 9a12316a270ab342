namespace ChatSurvey.Bot.Dashboard.DeadLetters;

/// <summary>A dead letter as staff see it: when, where from, why; never the entry itself.</summary>
/// <param name="Kind">A <see cref="Storage.DeadLetterKind"/> value.</param>
public sealed record DeadLetter(string Id, string Kind, string? Channel, DateTimeOffset FailedAt, long Attempts, string Reason);
