using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// Publishes a release when the latest is PublicResults:ReleaseInterval old (looked at every 10 minutes, and soon after
/// startup). Several instances may look at once: a release's identifier is taken once, and a build that lost the race
/// removes its chunks.
/// </summary>
public sealed partial class ReleaseSchedule(ReleaseStore releases, ReleaseBuilder builder, IOptions<PublicOptions> options, TimeProvider time, ILogger<ReleaseSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.ReleaseInterval <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var latest = (await releases.ListAsync(stoppingToken)).FirstOrDefault();
                if (latest is null || time.GetUtcNow() - latest.PublishedAt >= options.Value.ReleaseInterval)
                {
                    if (await builder.PublishAsync(stoppingToken) is { } release)
                    {
                        LogPublished(logger, release.Id, release.Responses, release.Bytes);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be away; the schedule looks again in a while.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open-data release {Id} published: {Responses} responses, {Bytes} bytes")]
    private static partial void LogPublished(ILogger logger, string id, long responses, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing an open-data release failed; the schedule tries again in 10 minutes")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
