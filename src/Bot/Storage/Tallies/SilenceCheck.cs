namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// Once a minute, counts as stopped the people whose silence crossed Dashboard:StoppedAfter (nothing else happens
/// when someone goes quiet, so no write would move them). Several instances may run it at once: each person is
/// recounted under their lock, from their events, so a second pass finds nothing left to move.
/// </summary>
public sealed partial class SilenceCheck(SqlResponseStore store, TimeProvider time, ILogger<SilenceCheck> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.RecountSilentAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be away; the check runs again in a minute.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting silent people as stopped failed; it runs again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
