using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Observability;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// Moves committed events to the domain store. While the store is away (unreachable, locked, busy) a batch is retried
/// with backoff and never acknowledged, so nothing is lost; idempotent writes make a retry harmless. When the store is
/// there and refuses a batch, the batch is split until what it refuses stands alone: the rest is stored at once, and a
/// refused entry is tried again later, then kept as a dead letter. An entry that does not decode is a dead letter at
/// once. Neither holds up the entries behind it.
/// </summary>
public sealed partial class OutboxWorker(
    IOutbox outbox, SqlResponseStore store, DeadLetterStore deadLetters, ILogger<OutboxWorker> logger, ChatSurveyTelemetry telemetry, TimeProvider time) : BackgroundService
{
    /// <summary>
    /// Tries of an entry the store refuses on its own, <see cref="RetryAfter"/> apart, before it becomes a dead letter:
    /// a refusal that was bad luck (a trigger's timeout, a race with a constraint) gets another chance, and a value the
    /// database never takes reaches staff within seconds.
    /// </summary>
    public const int MaxTries = 3;

    private const int BatchSize = 256;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(100);

    // Short enough that a database back from an outage is noticed within seconds.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    // Entries the store refused on their own and that wait for their next try: read, not acknowledged.
    private readonly Dictionary<string, Refusal> _refused = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = MinDelay;
        // What the store did not take while it was away; written again before anything else is read.
        var unstored = OutboxBatch.Empty;
        var nextMeasure = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The backlog and the dead letters are measured every few seconds for the metrics, not on every batch,
                // and also while idle (a read waits no longer); a failure to measure waits for the next time, so it
                // cannot hold up the writes.
                if (time.GetTimestamp() >= nextMeasure)
                {
                    nextMeasure = time.GetTimestamp() + (5 * time.TimestampFrequency);
                    telemetry.Lag(await outbox.LagAsync(stoppingToken));
                    telemetry.DeadLetters(await deadLetters.CountAsync(stoppingToken));
                }

                unstored = unstored.IsEmpty ? await NextAsync(time.GetElapsedTime(time.GetTimestamp(), nextMeasure), stoppingToken) : unstored;
                await SetAsideAsync(unstored.Undecodable, stoppingToken);
                unstored = unstored with { Undecodable = [] };
                await StoreAsync(unstored.Entries, stoppingToken);
                unstored = OutboxBatch.Empty;
                delay = MinDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive any store failure; the entries stay in the outbox.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogWriteFailed(logger, e, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// Refused entries whose next try is due; otherwise new entries, waited for until the next try is due or
    /// <paramref name="measureIn"/> has passed, at the most.
    /// </summary>
    private async Task<OutboxBatch> NextAsync(TimeSpan measureIn, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        List<OutboxEntry> due = [.. _refused.Values.Where(r => r.Due <= now).Take(BatchSize).Select(r => r.Entry)];
        if (due.Count > 0)
        {
            return new OutboxBatch(due, []);
        }

        var wait = measureIn;
        if (_refused.Count > 0 && _refused.Values.Min(r => r.Due) - now is var nextTry && nextTry < wait)
        {
            wait = nextTry;
        }

        using var timeout = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await outbox.ReadAsync(BatchSize, either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return OutboxBatch.Empty;
        }
    }

    /// <summary>
    /// Writes the entries and acknowledges them. When the store refuses them and is there, each half is written on its
    /// own, down to single entries, which are tried again later or kept as dead letters. Throws when the store is away:
    /// then nothing counts against the entries.
    /// </summary>
    private async Task StoreAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken stoppingToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            await store.WriteAsync(entries, stoppingToken);
        }
#pragma warning disable CA1031 // Whatever the store throws, the entries it would take must not wait for the one it will not.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            if (store.Dialect.IsTransient(e) || !await store.IsReadyAsync(stoppingToken))
            {
                throw;
            }

            if (entries.Count == 1)
            {
                await RefusedAsync(entries[0], e, stoppingToken);
                return;
            }

            var half = entries.Count / 2;
            await StoreAsync([.. entries.Take(half)], stoppingToken);
            await StoreAsync([.. entries.Skip(half)], stoppingToken);
            return;
        }

        await outbox.AcknowledgeAsync(entries.Select(e => e.Id), stoppingToken);
        foreach (var entry in entries)
        {
            _refused.Remove(entry.Id);
        }

        // A person's deletion, now stored, removed everything of theirs; their refused entries waiting for another try
        // were read before it, so they go too (written later, they would bring the person back).
        var deleted = entries.Where(e => e.Event is DeletionRequested).Select(e => e.Respondent).ToHashSet(StringComparer.Ordinal);
        List<string> forgotten = [.. _refused.Values.Where(r => deleted.Contains(r.Entry.Respondent)).Select(r => r.Entry.Id)];
        if (forgotten.Count > 0)
        {
            await outbox.AcknowledgeAsync(forgotten, stoppingToken);
            forgotten.ForEach(id => _refused.Remove(id));
        }
    }

    private async Task RefusedAsync(OutboxEntry entry, Exception error, CancellationToken stoppingToken)
    {
        var tries = (_refused.TryGetValue(entry.Id, out var earlier) ? earlier.Tries : 0) + 1;
        if (tries < MaxTries)
        {
            _refused[entry.Id] = new Refusal(entry, tries, time.GetUtcNow() + RetryAfter);
            LogRefused(logger, DeadLetterStore.Code(error), tries, MaxTries);
            return;
        }

        if (await deadLetters.AddRefusedAsync(entry, tries, error, stoppingToken))
        {
            telemetry.DeadLettered(DeadLetterKind.Refused);
            LogDeadLettered(logger, DeadLetterKind.Refused, DeadLetterStore.Code(error));
        }

        await outbox.AcknowledgeAsync([entry.Id], stoppingToken);
        _refused.Remove(entry.Id);
    }

    private async Task SetAsideAsync(IReadOnlyList<UndecodableEntry> undecodable, CancellationToken stoppingToken)
    {
        foreach (var entry in undecodable)
        {
            if (await deadLetters.AddUndecodableAsync(entry, stoppingToken))
            {
                telemetry.DeadLettered(DeadLetterKind.Undecodable);
                LogDeadLettered(logger, DeadLetterKind.Undecodable, "undecodable");
            }
        }

        if (undecodable.Count > 0)
        {
            await outbox.AcknowledgeAsync(undecodable.Select(u => u.Id), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing to the domain store failed; retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The domain store refused an outbox entry ({Code}), try {Tries} of {MaxTries}; the others are stored")]
    private static partial void LogRefused(ILogger logger, string code, int tries, int maxTries);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox entry is now a dead letter ({Kind}, {Code}): see /staff/dead-letters")]
    private static partial void LogDeadLettered(ILogger logger, string kind, string code);

    private sealed record Refusal(OutboxEntry Entry, int Tries, DateTimeOffset Due);
}
