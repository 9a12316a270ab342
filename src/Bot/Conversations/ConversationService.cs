using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// The one place that loads a conversation, runs the engine, and commits the turn (state, processed mark, replies,
/// outbox) atomically. A redelivered message returns the replies it produced the first time and changes nothing.
/// Messages from one person are applied one at a time: in arrival order within this process, and serialized by the
/// version check across processes.
/// </summary>
public sealed class ConversationService(
    CompiledSurvey survey,
    IConversationStore store,
    Pseudonymizer pseudonyms,
    ConversationSchedule schedule,
    InputGate gate,
    TimeProvider time,
    Observability.ChatSurveyTelemetry? telemetry = null)
{
    // Conflicts only happen when one person's messages race on several instances. Every conflict means another turn
    // committed, so the system always progresses; a deadline bounds how long one message may keep losing.
    private static readonly TimeSpan ConflictDeadline = TimeSpan.FromSeconds(10);
    private readonly KeyedLock<ConversationKey> _order = new();

    /// <param name="inOrder">
    /// Runs after the commit while this person's lock is still held: channels hand their replies to the dispatcher
    /// here, so replies to messages that arrived together leave in the order the messages were applied.
    /// </param>
    public async Task<TurnResult> HandleAsync(ConversationKey key, string messageId, Input input, bool awaitingSend, CancellationToken cancellationToken, Action<TurnResult>? inOrder = null)
    {
        var prepared = await gate.PrepareAsync(key.Channel, input, cancellationToken);
        using var turnLock = await _order.AcquireAsync(key, cancellationToken);
        var result = await RunLockedAsync(key, messageId, state => ConversationEngine.Resume(survey, state, prepared, time.GetUtcNow()), awaitingSend, cancellationToken);
        inOrder?.Invoke(result);
        return result;
    }

    /// <summary>
    /// The scheduled check of a silent conversation: its one reminder (sent only where <paramref name="canRemind"/>
    /// allows, otherwise just recorded as done), or its end as abandoned once idle past the limit.
    /// </summary>
    public Task<TurnResult> SweepAsync(ConversationKey key, Func<ConversationState, bool> canRemind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return RunAsync(
            key,
            $"sweep:{now.ToUnixTimeSeconds()}",
            state => state switch
            {
                { InProgress: false } => new Turn(state, [], []),
                { Reminded: false } when canRemind(state) => ConversationEngine.Remind(survey, state, now),
                { Reminded: false } => new Turn(state with { Reminded = true }, [], []),
                _ when now.ToUnixTimeSeconds() - state.LastSeen >= schedule.IdleExpiry.TotalSeconds => ConversationEngine.Expire(survey, state, now),
                _ => new Turn(state, [], []),
            },
            awaitingSend: true,
            cancellationToken);
    }

    /// <summary>The channel reported that the person cannot be reached (blocked the bot, opted out).</summary>
    public Task<TurnResult> MarkUnreachableAsync(ConversationKey key, string eventId, string reason, CancellationToken cancellationToken) =>
        RunAsync(key, eventId, state => ConversationEngine.MarkUnreachable(state, time.GetUtcNow(), reason), awaitingSend: false, cancellationToken);

    /// <summary>The address, only when this event is a completed response that says yes to being contacted.</summary>
    private string? ContactOf(ConversationKey key, Domain.Events.ConversationEvent e) =>
        e is Domain.Events.ConversationCompleted completed && survey.Definition.ContactConsent is { } consent &&
        completed.Response.Values.Contains(Domain.Events.AnswerValue.ForOption(consent, "si"))
            ? key.UserId
            : null;

    private async Task<TurnResult> RunAsync(ConversationKey key, string messageId, Func<ConversationState, Turn> run, bool awaitingSend, CancellationToken cancellationToken)
    {
        using var turnLock = await _order.AcquireAsync(key, cancellationToken);
        return await RunLockedAsync(key, messageId, run, awaitingSend, cancellationToken);
    }

    private async Task<TurnResult> RunLockedAsync(ConversationKey key, string messageId, Func<ConversationState, Turn> run, bool awaitingSend, CancellationToken cancellationToken)
    {
        using var activity = Observability.ChatSurveyTelemetry.Traces.StartActivity("turn");
        activity?.SetTag("chatsurvey.channel", key.Channel);
        var started = time.GetTimestamp();
        try
        {
            var result = await CommitTurnAsync(key, messageId, run, awaitingSend, cancellationToken);
            activity?.SetTag("chatsurvey.duplicate", result.IsDuplicate);
            telemetry?.Turn(key.Channel, result, time.GetElapsedTime(started));
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry?.Error(key.Channel);
            throw;
        }
    }

    private async Task<TurnResult> CommitTurnAsync(ConversationKey key, string messageId, Func<ConversationState, Turn> run, bool awaitingSend, CancellationToken cancellationToken)
    {
        var current = await store.LoadAsync(key, cancellationToken);
        var respondent = pseudonyms.For(key);
        var deadline = time.GetTimestamp() + (long)(ConflictDeadline.TotalSeconds * time.TimestampFrequency);
        for (var attempt = 0; time.GetTimestamp() < deadline; attempt++)
        {
            var turn = run(current.State);
            var outbox = turn.Events.Select((e, i) => new OutboxEntry($"{respondent}:{messageId}:{i}", key.Channel, respondent, e, ContactOf(key, e))).ToList();
            var result = await store.CommitAsync(key, current.Version, new TurnCommit(messageId, turn.State, turn.Replies, outbox, awaitingSend && turn.Replies.Count > 0, turn.Events.Any(e => e is Domain.Events.DeletionRequested)), cancellationToken);
            switch (result.Outcome)
            {
                case CommitOutcome.Committed:
                    telemetry?.Events(key.Channel, turn.Events);
                    return new TurnResult(messageId, turn.Replies, turn.State, IsDuplicate: false);
                case CommitOutcome.Duplicate:
                    // Pending replies go out again. Sent ones are not repeated on push channels; a web client that
                    // lost its response gets the current prompt again, which is what it is missing.
                    var latest = (result.Current ?? current).State;
                    var replies = result.EarlierReplies ?? (awaitingSend ? [] : ConversationEngine.Repeat(survey, latest));
                    return new TurnResult(messageId, replies, latest, IsDuplicate: true);
                default:
                    current = result.Current ?? await store.LoadAsync(key, cancellationToken);
                    if (attempt > 0)
                    {
                        // A little jitter so two instances stop colliding in lockstep.
                        await Task.Delay(Random.Shared.Next(1, 2 + Math.Min(attempt, 20)), cancellationToken);
                    }

                    break;
            }
        }

        throw new InvalidOperationException($"Could not commit a turn within {ConflictDeadline}: too many concurrent messages from one person.");
    }
}

/// <summary>What a message produced: the replies to send, and whether it was a redelivery of one already processed.</summary>
public sealed record TurnResult(string MessageId, IReadOnlyList<Reply> Replies, ConversationState State, bool IsDuplicate);
