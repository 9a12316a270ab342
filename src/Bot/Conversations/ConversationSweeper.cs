using ChatSurvey.Bot.Channels;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Every few seconds: sends the one reminder to conversations gone silent (where their channel allows it), ends those
/// idle past the limit as abandoned, and re-sends replies that were committed but never confirmed sent.
/// </summary>
public sealed partial class ConversationSweeper(
    ISweepSource source,
    ConversationService conversations,
    IEnumerable<IChannelSender> senders,
    IConversationStore store,
    SweeperOptions options,
    TimeProvider time,
    ILogger<ConversationSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

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
            var result = await conversations.SweepAsync(key, state => !state.Unreachable && (sender?.CanRemind(state, now) ?? false), cancellationToken);
            if (!result.IsDuplicate && result.Replies.Count > 0 && sender is not null)
            {
                await sender.SendAsync(key.UserId, result.Replies, cancellationToken);
                await store.MarkSentAsync(key, result.MessageId, cancellationToken);
            }
        }

        foreach (var pending in await source.ClaimUnsentAsync(now - options.ResendAfter, BatchSize, cancellationToken))
        {
            if (_senders.TryGetValue(pending.Key.Channel, out var sender))
            {
                await sender.SendAsync(pending.Key.UserId, pending.Replies, cancellationToken);
            }

            await source.AcknowledgeSentAsync(pending, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sweep of reminders and pending replies failed; retrying on the next pass")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

/// <summary>Configuration section "Reminders".</summary>
public sealed class SweeperOptions
{
    /// <summary>Silence after which the one reminder goes out.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sweeper looks for due work.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Replies still pending this long after their commit are sent again (the sender died or failed).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(30);
}
