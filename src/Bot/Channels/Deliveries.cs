using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Channels;

/// <summary>
/// The deliveries waiting in this process, split into partitions by person so that each person's replies leave in
/// the order they were committed while many people are served at once. A delivery already queued, or sent a moment
/// ago, is not queued again: a redelivered message or the sweeper's re-send would otherwise send it twice.
/// </summary>
public sealed class Deliveries
{
    /// <summary>
    /// How many sends may be under way at once. Each partition sends one delivery at a time, so with 16 a reply at 50
    /// people writing together often waited behind two others' HTTP calls (bench/README.md, issue 14).
    /// </summary>
    public const int Partitions = 64;

    /// <summary>How many sent deliveries stay remembered, so a re-send racing their "sent" mark is not queued again.</summary>
    private const int RememberedSent = 10_000;

    private readonly Channel<Delivery>[] _partitions = [.. Enumerable.Range(0, Partitions).Select(_ => System.Threading.Channels.Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true }))];
    private readonly ConcurrentDictionary<(ConversationKey, string), bool> _queued = new();
    private readonly ConcurrentQueue<(ConversationKey, string)> _sent = new();
    private int _depth;
    private int _unfinished;

    /// <summary>Deliveries waiting to be sent.</summary>
    public int Depth => Volatile.Read(ref _depth);

    /// <summary>Deliveries waiting or being sent: 0 when this process has nothing left to push.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    public IReadOnlyList<ChannelReader<Delivery>> Readers => [.. _partitions.Select(p => p.Reader)];

    /// <returns>False when the delivery is empty, already waiting here or just sent.</returns>
    public bool Enqueue(Delivery delivery)
    {
        if (delivery.Replies.Count == 0 || !_queued.TryAdd((delivery.Person, delivery.Turn), true))
        {
            return false;
        }

        Interlocked.Increment(ref _depth);
        Interlocked.Increment(ref _unfinished);
        _partitions[(int)((uint)delivery.Person.GetHashCode() % Partitions)].Writer.TryWrite(delivery);
        return true;
    }

    /// <summary>The dispatcher took <paramref name="delivery"/> off its partition.</summary>
    public void Taken() => Interlocked.Decrement(ref _depth);

    /// <summary>
    /// The delivery is done with: when it was sent, it stays remembered for a while; otherwise it may be queued again
    /// (by the sweeper's re-send, or a redelivery of its message).
    /// </summary>
    public void Finished(Delivery delivery, bool sent)
    {
        Interlocked.Decrement(ref _unfinished);
        var id = (delivery.Person, delivery.Turn);
        if (!sent)
        {
            _queued.TryRemove(id, out _);
            return;
        }

        _sent.Enqueue(id);
        while (_sent.Count > RememberedSent && _sent.TryDequeue(out var forgotten))
        {
            _queued.TryRemove(forgotten, out _);
        }
    }
}
