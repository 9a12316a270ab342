namespace ChatSurvey.Bot.Storage;

/// <summary>A column of a many-row INSERT (<see cref="Sql.QueueRows"/>): its name and its PostgreSQL type.</summary>
public sealed record SqlColumn(string Name, string Type);
