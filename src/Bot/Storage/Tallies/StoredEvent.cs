namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>A row of conversation_events as the tallies read it, with times at the precision the database keeps.</summary>
/// <param name="Type">The stored type name (<see cref="EventColumns"/>): "started", "question_asked", …</param>
public sealed record StoredEvent(string Id, DateTimeOffset At, string Type, string Channel, string? Promoter, string? Question, string? Detail, string? Version);
