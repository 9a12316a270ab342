using ChatSurvey.Bot.Channels;
using ChatSurvey.Bot.Observability;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// The one place that writes to a conversation. A turn loads it, runs the engine and commits state, processed mark,
/// pending replies and outbox entries atomically; on a channel that pushes replies they are handed to the
/// <see cref="Deliveries"/> before the person's lock is released, so they leave in the order the messages were
/// applied. Reminders and abandonment (from the sweeper), delivery outcomes (from the dispatcher) and deletions go
/// through here too. A redelivered message changes nothing: the replies it produced go out again only while they are
/// still pending, on every channel alike. Each conversation runs on the survey version it started on
/// (<see cref="SurveyCatalog"/>); one whose version is gone is told so and starts afresh.
/// </summary>
public sealed class ConversationService(
    SurveyCatalog surveys,
    IConversationStore store,
    Pseudonymizer pseudonyms,
    ConversationSchedule schedule,
    InputGate gate,
    Deliveries deliveries,
    TimeProvider time,
    ChatSurveyTelemetry? telemetry = null)
{
    // Conflicts only happen when one person's messages race on several instances. Every conflict means another turn
    // committed, so the system always progresses; a deadline bounds how long one message may keep losing.
    private static readonly TimeSpan ConflictDeadline = TimeSpan.FromSeconds(10);
    private readonly KeyedLock<ConversationKey> _order = new();

    public async Task<TurnResult> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var input = await gate.PrepareAsync(message.Person.Channel, message.Input, cancellationToken);
        return await RunAsync(
            message.Person,
            message.MessageId,
            state => surveys.For(state) is { } survey ? ConversationEngine.Resume(survey, state, input, time.GetUtcNow()) : ConversationEngine.SurveyChanged(surveys.Current, state, time.GetUtcNow()),
            cancellationToken,
            resendPending: true);
    }

    /// <summary>
    /// A message the channel answers itself rather than the engine (a request for a phone call): one committed turn that
    /// leaves the conversation as it is and says one text of the person's language pack. A redelivery is recognized like
    /// any message's, so the channel can tell whether to act on it.
    /// </summary>
    public Task<TurnResult> NoticeAsync(InboundMessage message, Func<BotTexts, string> text, CancellationToken cancellationToken) =>
        RunAsync(
            message.Person,
            message.MessageId,
            state => new Turn(state, [Reply.Plain(text((surveys.For(state) ?? surveys.Current).Texts(state.Language)))], []),
            cancellationToken,
            resendPending: true);

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
            state => (state, surveys.For(state)) switch
            {
                ({ InProgress: false }, _) => new Turn(state, [], []),
                // A reminder needs the survey the person is answering; without it, their next message explains.
                ({ Reminded: false }, { } survey) when canRemind(state) => ConversationEngine.Remind(survey, state, now),
                ({ Reminded: false }, _) => new Turn(state with { Reminded = true }, [], []),
                (_, var survey) when now.ToUnixTimeSeconds() - state.LastSeen >= schedule.IdleExpiry.TotalSeconds => ConversationEngine.Expire(survey, state, now),
                _ => new Turn(state, [], []),
            },
            cancellationToken);
    }

    /// <summary>Replies committed long ago and still not confirmed sent go out again, unless they wait in this process.</summary>
    public bool Resend(PendingReplies pending) => deliveries.Enqueue(new Delivery(pending.Key, pending.Turn, pending.Replies));

    /// <summary>Records what a sender reported: sent replies stop being pending; a person out of reach is marked so.</summary>
    public async Task RecordDeliveryAsync(Delivery delivery, SendOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                store.MarkSentSoon(delivery.Person, delivery.Turn);
                break;
            case SendStatus.Unreachable:
                // Nothing more can be pushed: the replies are done with, and no reminder goes out until they write.
                await store.MarkSentAsync(delivery.Person, delivery.Turn, cancellationToken);
                var reason = outcome.Reason ?? "unreachable";
                await RunAsync(delivery.Person, $"unreachable:{delivery.Turn}", state => ConversationEngine.MarkUnreachable(state, time.GetUtcNow(), reason), cancellationToken);
                break;
            default:
                // Still pending: the sweeper sends them again.
                break;
        }
    }

    /// <summary>The platform says the person cannot be reached (Telegram's my_chat_member "kicked", an SMS opt-out).</summary>
    public Task<TurnResult> MarkUnreachableAsync(InboundMessage notice, string reason, CancellationToken cancellationToken) =>
        RunAsync(notice.Person, notice.MessageId, state => ConversationEngine.MarkUnreachable(state, time.GetUtcNow(), reason), cancellationToken);

    /// <summary>
    /// Staff erase a person by pseudonym (a request that reached the secretariat outside the chat). It enters as a
    /// committed step of that person, like their own "borrar": the conversation in progress goes, and the deletion
    /// joins their outbox behind anything of theirs still on its way, so the domain store deletes it all and keeps a
    /// tombstone against late arrivals. The deletion event's channel says who asked: staff.
    /// </summary>
    /// <returns>The deletion's time: it is stored once the tombstone is at least this recent.</returns>
    public async Task<DateTimeOffset> EraseAsync(string pseudonym, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deletion = new OutboxEntry($"{pseudonym}:erased:{now.ToUnixTimeMilliseconds()}:0", StaffChannel, pseudonym, new DeletionRequested(now));
        await store.EraseAsync(pseudonym, deletion, cancellationToken);
        return now;
    }

    /// <summary>The channel recorded on a deletion staff asked for.</summary>
    public const string StaffChannel = "staff";

    /// <summary>The address, only when this event is a completed response that says yes to being contacted.</summary>
    private static string? ContactOf(CompiledSurvey survey, ConversationKey key, ConversationEvent e) =>
        e is ConversationCompleted completed && survey.Definition.ContactConsent is { } consent &&
        completed.Response.Values.Contains(AnswerValue.ForOption(consent, "si"))
            ? key.UserId
            : null;

    /// <param name="resendPending">
    /// A redelivered message from the person sends again the replies its first delivery left pending (the process that
    /// took it may have died before sending). A repeated sweep does not: another instance swept at the same moment.
    /// </param>
    private async Task<TurnResult> RunAsync(ConversationKey key, string messageId, Func<ConversationState, Turn> run, CancellationToken cancellationToken, bool resendPending = false)
    {
        using var turnLock = await _order.AcquireAsync(key, cancellationToken);
        using var activity = ChatSurveyTelemetry.Traces.StartActivity("turn");
        activity?.SetTag("chatsurvey.channel", key.Channel.Name);
        var started = time.GetTimestamp();
        try
        {
            var result = await CommitTurnAsync(key, messageId, run, cancellationToken);
            activity?.SetTag("chatsurvey.duplicate", result.IsDuplicate);
            telemetry?.Turn(key.Channel.Name, result, time.GetElapsedTime(started));
            if (key.Channel.PushesReplies && (resendPending || !result.IsDuplicate))
            {
                // Still under the person's lock: replies to messages that arrived together leave in commit order.
                deliveries.Enqueue(new Delivery(key, store.TurnOf(messageId), result.Replies));
            }

            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry?.Error(key.Channel.Name);
            throw;
        }
    }

    private async Task<TurnResult> CommitTurnAsync(ConversationKey key, string messageId, Func<ConversationState, Turn> run, CancellationToken cancellationToken)
    {
        var current = await store.LoadAsync(key, cancellationToken);
        var respondent = pseudonyms.For(key);
        var pushes = key.Channel.PushesReplies;
        var deadline = time.GetTimestamp() + (long)(ConflictDeadline.TotalSeconds * time.TimestampFrequency);
        for (var attempt = 0; time.GetTimestamp() < deadline; attempt++)
        {
            // The survey the turn ran on, for what its events say: which version, and who agreed to be contacted.
            var survey = surveys.For(current.State) ?? surveys.Current;
            var turn = run(current.State);
            var outbox = turn.Events.Select((e, i) => new OutboxEntry($"{respondent}:{messageId}:{i}", key.Channel.Name, respondent, e, ContactOf(survey, key, e), survey.Definition.Version)).ToList();
            var commit = new TurnCommit(messageId, turn.State, turn.Replies, outbox, pushes && turn.Replies.Count > 0, turn.Events.Any(e => e is DeletionRequested));
            var result = await store.CommitAsync(key, current.Version, commit, cancellationToken);
            switch (result.Outcome)
            {
                case CommitOutcome.Committed:
                    telemetry?.Events(key.Channel.Name, turn.Events);
                    return new TurnResult(messageId, turn.Replies, turn.State, IsDuplicate: false);
                case CommitOutcome.Duplicate:
                    // Pending replies go out again (the queue drops them if they wait here already); sent ones do not.
                    // A web client that lost its response gets the current prompt again, which is what it is missing.
                    var latest = (result.Current ?? current).State;
                    var replies = result.EarlierReplies ?? (pushes ? [] : ConversationEngine.Repeat(surveys.For(latest) ?? surveys.Current, latest));
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

/// <summary>What a message produced: the replies, and whether it was a redelivery of one already processed.</summary>
public sealed record TurnResult(string MessageId, IReadOnlyList<Reply> Replies, ConversationState State, bool IsDuplicate);
