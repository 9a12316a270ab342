namespace ChatSurvey.Bot.Conversations;

/// <summary>What one read of the outbox brings: the entries, and those it holds that do not decode.</summary>
public sealed record OutboxBatch(IReadOnlyList<OutboxEntry> Entries, IReadOnlyList<UndecodableEntry> Undecodable)
{
    public static readonly OutboxBatch Empty = new([], []);

    public bool IsEmpty => Entries.Count == 0 && Undecodable.Count == 0;
}
