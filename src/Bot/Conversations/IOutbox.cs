namespace ChatSurvey.Bot.Conversations;

/// <summary>The committed events waiting for the domain store, delivered at least once.</summary>
public interface IOutbox
{
    /// <summary>Waits for entries and returns up to <paramref name="max"/> of them, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadAsync(int max, CancellationToken cancellationToken);

    /// <summary>The entries are stored; they will not be delivered again.</summary>
    Task AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>How far the domain store is behind: entries not yet stored and the age of the oldest.</summary>
    Task<OutboxLag> LagAsync(CancellationToken cancellationToken);
}

public sealed record OutboxLag(long Entries, TimeSpan OldestAge);
