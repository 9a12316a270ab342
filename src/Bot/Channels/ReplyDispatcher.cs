using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels;

/// <summary>
/// Sends committed replies outside the webhook request. Deliveries are split into partitions by person, each sent in
/// order by its own loop, so one person's replies keep their order while many people are served at once. A
/// delivery is marked sent only after the channel accepted it; one that fails stays pending in the store, and the
/// sweeper sends it again.
/// </summary>
public sealed partial class ReplyDispatcher : BackgroundService
{
    private const int Partitions = 16;

    /// <summary>How many sent deliveries stay remembered, so a redelivery racing their "sent" mark is not queued again.</summary>
    private const int RememberedSent = 10_000;
    private readonly Channel<Delivery>[] _queues;
    private readonly Dictionary<string, IChannelSender> _senders;
    private readonly IConversationStore _store;
    private readonly ILogger<ReplyDispatcher> _logger;
    private readonly ConcurrentDictionary<(ConversationKey, string), bool> _queued = new();
    private readonly ConcurrentQueue<(ConversationKey, string)> _sent = new();
    private int _depth;

    public ReplyDispatcher(IEnumerable<IChannelSender> senders, IConversationStore store, ILogger<ReplyDispatcher> logger, Observability.ChatSurveyTelemetry? telemetry = null)
    {
        telemetry?.ObserveQueueDepth(() => QueueDepth);
        _senders = senders.ToDictionary(s => s.Channel);
        _store = store;
        _logger = logger;
        _queues = [.. Enumerable.Range(0, Partitions).Select(_ => Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    /// <summary>Deliveries waiting to be sent.</summary>
    public int QueueDepth => Volatile.Read(ref _depth);

    public void Enqueue(ConversationKey key, string messageId, IReadOnlyList<Reply> replies)
    {
        // A redelivered message brings back replies still waiting here, or just sent (it read them as pending a moment
        // before they were marked sent): queueing them again would send them twice.
        if (replies.Count == 0 || !_queued.TryAdd((key, messageId), true))
        {
            return;
        }

        Interlocked.Increment(ref _depth);
        var partition = (int)((uint)key.GetHashCode() % Partitions);
        _queues[partition].Writer.TryWrite(new Delivery(key, messageId, replies));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(queue => DrainAsync(queue.Reader, stoppingToken)));

    private async Task DrainAsync(ChannelReader<Delivery> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in reader.ReadAllAsync(stoppingToken))
            {
                Interlocked.Decrement(ref _depth);
                await DeliverAsync(delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not sent is still pending in the store.
        }
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var id = (delivery.Key, delivery.MessageId);
        if (!await TrySendAsync(delivery, cancellationToken))
        {
            // Not sent: a redelivery or the sweeper may queue it again.
            _queued.TryRemove(id, out _);
            return;
        }

        _sent.Enqueue(id);
        while (_sent.Count > RememberedSent && _sent.TryDequeue(out var forgotten))
        {
            _queued.TryRemove(forgotten, out _);
        }
    }

    private async Task<bool> TrySendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(delivery.Key.Channel, out var sender))
        {
            LogNoSender(_logger, delivery.Key.Channel);
            return false;
        }

        try
        {
            await sender.SendAsync(delivery.Key.UserId, delivery.Replies, cancellationToken);
            await _store.MarkSentAsync(delivery.Key, delivery.MessageId, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure leaves the replies pending; the sweeper retries them.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSendFailed(_logger, e, delivery.Key.Channel);
            return false;
        }
    }

    private sealed record Delivery(ConversationKey Key, string MessageId, IReadOnlyList<Reply> Replies);

    [LoggerMessage(Level = LogLevel.Error, Message = "No sender is configured for channel {Channel}; replies stay pending")]
    private static partial void LogNoSender(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending replies on {Channel} failed; they stay pending and will be sent again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string channel);
}
