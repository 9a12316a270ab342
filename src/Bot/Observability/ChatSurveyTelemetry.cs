using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Observability;

/// <summary>
/// The bot's own metrics and traces. Tags are channels, outcomes and question codes only: never message text,
/// phone numbers or chat ids.
/// </summary>
public sealed class ChatSurveyTelemetry
{
    public const string Name = "ChatSurvey";

    public static readonly ActivitySource Traces = new(Name);

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _reminders;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _deadLettered;
    private readonly Meter _meter;
    private OutboxLag _lastLag = new(0, TimeSpan.Zero);
    private long _deadLetters;

    public ChatSurveyTelemetry(IMeterFactory meters)
    {
        var meter = _meter = meters.Create(Name);
        _turns = meter.CreateCounter<long>("chatsurvey.turns", description: "Messages applied to conversations, by channel and outcome (committed, duplicate)");
        _turnDuration = meter.CreateHistogram<double>("chatsurvey.turn.duration", unit: "ms", description: "Time to load, run and commit one turn");
        _rejected = meter.CreateCounter<long>("chatsurvey.answers.rejected", description: "Answers that got a re-ask, by question");
        _errors = meter.CreateCounter<long>("chatsurvey.turn.errors", description: "Turns that failed (state store unreachable, conflicts past the deadline), by channel");
        _reminders = meter.CreateCounter<long>("chatsurvey.reminders.sent", description: "Reminders sent, by channel");
        _throttled = meter.CreateCounter<long>("chatsurvey.sender.throttled", description: "Sends a platform refused with 429 (too many requests), to be retried later, by channel");
        meter.CreateObservableGauge("chatsurvey.outbox.entries", () => _lastLag.Entries, description: "Events not yet written to the domain store");
        meter.CreateObservableGauge("chatsurvey.outbox.lag", () => _lastLag.OldestAge.TotalSeconds, unit: "s", description: "Age of the oldest event not yet written to the domain store");
        _deadLettered = meter.CreateCounter<long>("chatsurvey.outbox.dead_letters", description: "Outbox entries kept as dead letters, by kind: refused (by the domain store, after retries) or undecodable");
        meter.CreateObservableGauge("chatsurvey.outbox.dead_letters.waiting", () => _deadLetters, description: "Dead letters in the domain store, waiting for staff (/staff/dead-letters)");
    }

    public void Turn(string channel, TurnResult result, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        _turns.Add(1, tag, new("outcome", result.IsDuplicate ? "duplicate" : "committed"));
        _turnDuration.Record(duration.TotalMilliseconds, tag);
    }

    public void Events(string channel, IEnumerable<ConversationEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case AnswerRejected rejected:
                    _rejected.Add(1, new KeyValuePair<string, object?>("question", rejected.Question));
                    break;
                case ReminderSent:
                    _reminders.Add(1, new KeyValuePair<string, object?>("channel", channel));
                    break;
            }
        }
    }

    public void ObserveQueueDepth(Func<int> depth) =>
        _meter.CreateObservableGauge("chatsurvey.sender.queue", depth, description: "Replies waiting to be sent");

    public void Throttled(string channel) => _throttled.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Error(string channel) => _errors.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>The outbox worker reports the backlog as it goes; gauges read the last value without I/O.</summary>
    public void Lag(OutboxLag lag) => _lastLag = lag;

    public void DeadLettered(string kind) => _deadLettered.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>The dead letters waiting, as the worker last counted them (null: the store did not answer, the last count stays).</summary>
    public void DeadLetters(long? count) => _deadLetters = count ?? _deadLetters;
}
