using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// Moves committed events to the domain store. A failed write is retried with backoff and never acknowledged, so
/// nothing is lost while the database is away; idempotent writes make a retry harmless.
/// </summary>
public sealed partial class OutboxWorker(IOutbox outbox, SqlResponseStore store, ILogger<OutboxWorker> logger, Observability.ChatSurveyTelemetry telemetry, TimeProvider time) : BackgroundService
{
    private const int BatchSize = 256;

    // Short enough that a database back from an outage is noticed within seconds.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var nextLag = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The backlog is measured every few seconds for the metrics, not on every batch.
                if (time.GetTimestamp() >= nextLag)
                {
                    telemetry.Lag(await outbox.LagAsync(stoppingToken));
                    nextLag = time.GetTimestamp() + (5 * time.TimestampFrequency);
                }

                var batch = await outbox.ReadAsync(BatchSize, stoppingToken);
                if (batch.Count == 0)
                {
                    continue;
                }

                await store.WriteAsync(batch, stoppingToken);
                await outbox.AcknowledgeAsync(batch, stoppingToken);
                delay = TimeSpan.FromMilliseconds(100);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing to the domain store failed; retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, TimeSpan delay);
}
