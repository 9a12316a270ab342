namespace ChatSurvey.Bot.Conversations;

/// <summary>The committed events waiting for the domain store, delivered at least once.</summary>
public interface IOutbox
{
    /// <summary>
    /// Waits for entries and returns up to <paramref name="max"/> of them, oldest first, with those that do not decode.
    /// Each is handed out once: one read and not acknowledged is the reader's to write again (an instance that dies
    /// leaves its entries to be delivered again, in Redis to another instance after a while).
    /// </summary>
    Task<OutboxBatch> ReadAsync(int max, CancellationToken cancellationToken);

    /// <summary>The entries with these ids are stored, or kept as dead letters; they will not be delivered again.</summary>
    Task AcknowledgeAsync(IEnumerable<string> ids, CancellationToken cancellationToken);

    /// <summary>How far the domain store is behind: entries not yet stored and the age of the oldest.</summary>
    Task<OutboxLag> LagAsync(CancellationToken cancellationToken);
}

public sealed record OutboxLag(long Entries, TimeSpan OldestAge);
