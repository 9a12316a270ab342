using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The domain store: completed responses, one row per answer value, and the conversation events of the funnel.
/// Writes are idempotent by entry id, so at-least-once delivery from the outbox stores everything exactly once.
/// </summary>
public interface IResponseStore
{
    Task MigrateAsync(CancellationToken cancellationToken);

    Task WriteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
