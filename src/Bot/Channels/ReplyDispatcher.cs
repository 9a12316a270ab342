using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Channels;

/// <summary>
/// The one send path: takes deliveries off <see cref="Deliveries"/> (replies, reminders and re-sends alike), one
/// loop per partition so each person's replies keep their order, hands each to its channel's sender, and reports the
/// outcome to <see cref="ConversationService"/>, which records it. A short wait the platform asks for is waited out
/// here, in the person's order; a long one, or a failure, leaves the replies pending for the sweeper.
/// </summary>
public sealed partial class ReplyDispatcher(
    Deliveries queue,
    IEnumerable<IChannelSender> senders,
    ConversationService conversations,
    TimeProvider time,
    ILogger<ReplyDispatcher> logger,
    Observability.ChatSurveyTelemetry? telemetry = null) : BackgroundService
{
    /// <summary>Waits the platform asks for up to this are waited out inline; longer ones go back to the sweeper.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    private const int MaxInlineWaits = 5;

    private readonly Dictionary<Channel, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(queue.Readers.Select(reader => DrainAsync(reader, stoppingToken)));

    private async Task DrainAsync(System.Threading.Channels.ChannelReader<Delivery> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in reader.ReadAllAsync(stoppingToken))
            {
                queue.Taken();
                var outcome = await SendAsync(delivery, stoppingToken);
                await RecordAsync(delivery, outcome, stoppingToken);
                queue.Finished(delivery, outcome.Status is SendStatus.Sent or SendStatus.Unreachable);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not sent is still pending in the store.
        }
    }

    private async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(delivery.Person.Channel, out var sender))
        {
            LogNoSender(logger, delivery.Person.Channel);
            return SendOutcome.Failed("no sender");
        }

        for (var waits = 0; ; waits++)
        {
            SendOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(delivery.Person.UserId, delivery.Replies, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever a sender throws, the replies stay pending and the sweeper sends them again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSendFailed(logger, e, delivery.Person.Channel);
                return SendOutcome.Failed(e.GetType().Name);
            }

            if (outcome.Status == SendStatus.RetryLater)
            {
                telemetry?.Throttled(delivery.Person.Channel.Name);
            }

            if (outcome.Status != SendStatus.RetryLater || outcome.RetryAfter > MaxInlineWait || waits >= MaxInlineWaits)
            {
                return outcome;
            }

            await Task.Delay(outcome.RetryAfter, time, cancellationToken);
        }
    }

    private async Task RecordAsync(Delivery delivery, SendOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await conversations.RecordDeliveryAsync(delivery, outcome, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Not recorded (the state store is away): the replies stay pending; at worst they go out twice.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRecordFailed(logger, e, delivery.Person.Channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No sender is configured for channel {Channel}; replies stay pending")]
    private static partial void LogNoSender(ILogger logger, Channel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending replies on {Channel} failed; they stay pending and will be sent again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Channel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery on {Channel} could not be recorded; its replies stay pending")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, Channel channel);
}
