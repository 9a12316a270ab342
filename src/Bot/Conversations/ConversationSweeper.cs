using ChatSurvey.Bot.Channels;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Every few seconds, decides what is due and hands it over: the one reminder to conversations gone silent (where
/// their channel allows it) and their end as abandoned, through <see cref="ConversationService"/>; replies committed
/// but never confirmed sent, to the dispatcher's queue (unless they wait there already). It sends nothing itself.
/// One item that fails is put off with a growing delay and logged; the rest of the pass goes on.
/// </summary>
public sealed partial class ConversationSweeper(
    ISweepSource source,
    ConversationService conversations,
    IEnumerable<IChannelSender> senders,
    SweeperOptions options,
    TimeProvider time,
    ILogger<ConversationSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    private readonly Dictionary<Channel, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

    // Consecutive failures per conversation, for the backoff; forgotten on success.
    private readonly Dictionary<ConversationKey, int> _failures = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (Redis away) is retried on the next one; the work stays scheduled.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, e);
            }

            await Task.Delay(options.Interval, time, stoppingToken);
        }
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var key in await source.ClaimDueAsync(now, BatchSize, cancellationToken))
        {
            var sender = _senders.GetValueOrDefault(key.Channel);
            try
            {
                await conversations.SweepAsync(key, state => !state.Unreachable && (sender?.CanRemind(state, now) ?? false), cancellationToken);
                _failures.Remove(key);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One conversation that cannot be swept (a state the survey no longer fits) must not stop the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var failures = _failures[key] = _failures.GetValueOrDefault(key) + 1;
                var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));
                LogItemFailed(logger, e, key.Channel, failures, delay);
                await source.DeferAsync(key, now + delay, cancellationToken);
            }
        }

        foreach (var pending in await source.ClaimUnsentAsync(now - options.ResendAfter, BatchSize, cancellationToken))
        {
            conversations.Resend(pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sweep of reminders and pending replies failed; retrying on the next pass")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Channel} conversation could not be swept ({Failures} times in a row); put off for {Delay}")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, Channel channel, int failures, TimeSpan delay);
}

/// <summary>Configuration section "Reminders".</summary>
public sealed class SweeperOptions
{
    /// <summary>Silence after which the one reminder goes out.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sweeper looks for due work.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Replies still pending this long after their commit (or their last re-send) are sent again.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(30);
}
