namespace ChatSurvey.Bot.Storage;

/// <summary>
/// Runs the retention rules (<see cref="RetentionOptions"/>) at startup and then every <see cref="RetentionOptions.Interval"/>:
/// contacts past their period, and abandoned conversations' events when configured. Each purge logs its count in
/// purge_log. Several instances may run it at once: the deletes are idempotent, and only what one removed is logged.
/// </summary>
public sealed partial class RetentionPurge(SqlResponseStore store, RetentionOptions options, TimeProvider time, ILogger<RetentionPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be away; the purge runs again at the next interval.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }

            await Task.Delay(options.Interval, time, stoppingToken);
        }
    }

    public async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var contacts = await store.PurgeContactsAsync(now - options.Contacts, now, cancellationToken);
        var events = options.AbandonedEvents is { } abandoned ? await store.PurgeAbandonedEventsAsync(now - abandoned, now, cancellationToken) : 0;
        if (contacts + events > 0)
        {
            LogPurged(logger, contacts, events);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Contacts} contacts and {Events} abandoned conversations' events removed")]
    private static partial void LogPurged(ILogger logger, int contacts, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention purge failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
