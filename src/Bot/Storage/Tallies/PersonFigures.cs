namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// What one person adds to the tallies, worked out from all their events (in any order of arrival): counted once,
/// under their first start (its day, channel, promoter and version), with where they stand now, which is their latest
/// outcome (a start, a completion, an abandonment or a cancellation; a restart's cancellation is no outcome, a new
/// start follows it at the same instant), and for each question whether they were asked it, answered it, and how often
/// their answer was not understood.
/// </summary>
public sealed class PersonFigures
{
    private PersonFigures(TallyKey key, string status, string? question, DateTimeOffset lastActivity, IReadOnlyDictionary<string, QuestionFacts> questions)
    {
        Key = key;
        Status = status;
        Question = question;
        LastActivity = lastActivity;
        Questions = questions;
    }

    public TallyKey Key { get; }

    /// <summary>One of <see cref="PersonStatus"/>.</summary>
    public string Status { get; }

    /// <summary>Where they stand (in progress, stopped: the question last asked) or left (abandoned); null otherwise.</summary>
    public string? Question { get; }

    /// <summary>Their latest event other than the bot's own reminders and delivery failures: what silence is measured from.</summary>
    public DateTimeOffset LastActivity { get; }

    public IReadOnlyDictionary<string, QuestionFacts> Questions { get; }

    /// <returns>Null for a person who never started (declined the notice, or nothing of theirs is left).</returns>
    /// <param name="isSilent">Whether a person in progress whose last activity was then counts as stopped.</param>
    public static PersonFigures? Of(IEnumerable<StoredEvent> events, TallySettings settings, Func<DateTimeOffset, bool> isSilent)
    {
        StoredEvent? first = null, outcome = null, asked = null;
        var last = DateTimeOffset.MinValue;
        var questions = new Dictionary<string, QuestionFacts>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Type == "started" && (first is null || Order(e, first) < 0))
            {
                first = e;
            }

            if (IsOutcome(e) && (outcome is null || Rank(e, outcome) > 0))
            {
                outcome = e;
            }

            if (e.Type is not ("reminder_sent" or "unreachable") && e.At > last)
            {
                last = e.At;
            }

            if (e.Question is not { } q || e.Type is not ("question_asked" or "answer_recorded" or "answer_rejected"))
            {
                continue;
            }

            var facts = questions.GetValueOrDefault(q);
            questions[q] = e.Type switch
            {
                "question_asked" => facts with { Reached = true },
                "answer_recorded" => facts with { Answered = true },
                _ => facts with { Rejected = facts.Rejected + 1 },
            };
            if (e.Type == "question_asked" && (asked is null || Order(e, asked) > 0))
            {
                asked = e;
            }
        }

        if (first is null || outcome is null)
        {
            return null;
        }

        var status = outcome.Type switch
        {
            "completed" => PersonStatus.Completed,
            "abandoned" => PersonStatus.Abandoned,
            "cancelled" => PersonStatus.Cancelled,
            _ => isSilent(last) ? PersonStatus.Stopped : PersonStatus.InProgress,
        };
        var question = status switch
        {
            PersonStatus.Abandoned => outcome.Question,
            PersonStatus.InProgress or PersonStatus.Stopped => asked?.Question,
            _ => null,
        };
        var key = new TallyKey(settings.Day(first.At), first.Channel, first.Promoter ?? "", first.Version ?? "");
        return new PersonFigures(key, status, question, last, questions);
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (-1) this person's figures.</summary>
    public void AddTo(Tally tally, int sign)
    {
        tally.AddPerson(Key, Status, sign);
        foreach (var (question, facts) in Questions)
        {
            tally.AddFunnel(Key, question, FunnelColumn.Reached, facts.Reached ? sign : 0);
            tally.AddFunnel(Key, question, FunnelColumn.Answered, facts.Answered ? sign : 0);
            tally.AddFunnel(Key, question, FunnelColumn.Rejected, facts.Rejected * sign);
        }

        if (Question is { } here && Status is PersonStatus.Stopped or PersonStatus.Abandoned)
        {
            tally.AddFunnel(Key, here, Status == PersonStatus.Stopped ? FunnelColumn.Stopped : FunnelColumn.Abandoned, sign);
        }
    }

    private static bool IsOutcome(StoredEvent e) =>
        e.Type is "started" or "completed" or "abandoned" || (e.Type == "cancelled" && e.Detail != "Restarted");

    /// <summary>
    /// The later outcome ranks higher; at the same instant an ending ranks above a start, as the dashboard always
    /// counted them; then type and id decide, so every database and every order of arrival agree.
    /// </summary>
    private static int Rank(StoredEvent a, StoredEvent b)
    {
        var byTime = a.At.CompareTo(b.At);
        if (byTime != 0)
        {
            return byTime;
        }

        var byKind = (a.Type != "started").CompareTo(b.Type != "started");
        if (byKind != 0)
        {
            return byKind;
        }

        var byType = string.CompareOrdinal(a.Type, b.Type);
        return byType != 0 ? byType : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>By time, then id: the same order whatever order the events came in.</summary>
    private static int Order(StoredEvent a, StoredEvent b)
    {
        var byTime = a.At.CompareTo(b.At);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }
}
