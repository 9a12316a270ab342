using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage;

/// <summary>
/// How outbox entries become rows of the domain store: events, responses with their values and contact, deletions
/// with their tombstone, and the tallies' changes, all queued on one transaction. Keys derive from the entries, so a
/// redelivery inserts nothing; an entry a tombstone covers is left out.
/// </summary>
internal sealed class EntryRows(SqlDialect dialect, TallySettings settings, PersonRows people)
{
    private static readonly SqlColumn[] EventTableColumns =
    [
        new("id", "text"), new("at", "timestamptz"), new("type", "text"), new("channel", "text"), new("respondent", "text"),
        new("promoter", "text"), new("question", "text"), new("detail", "text"), new("survey_version", "text"),
    ];

    private static readonly SqlColumn[] ValueTableColumns =
    [
        new("response_id", "text"), new("seq", "integer"), new("question", "text"), new("row_code", "text"), new("rank", "integer"),
        new("option_code", "text"), new("text", "text"), new("folded", "text"), new("text_hash", "text"),
    ];

    /// <summary>The people whose rows this process remembers, shared with the store's recounts.</summary>
    public PersonRows People => people;

    /// <summary>
    /// The statements that store the entries, queued on <paramref name="sql"/> (whose transaction commits them, after
    /// <see cref="SqlResponseStore.LockDeletionsAsync"/>): what a tombstone covers is left out.
    /// </summary>
    public async Task QueueAsync(Sql sql, IReadOnlyList<OutboxEntry> entries)
    {
        var tombstones = await TombstonesAsync(sql, entries);
        var tallies = await TallyUpdate.BeginAsync(sql, dialect, settings, people, entries.Select(e => e.Respondent));
        var events = new List<object?[]>(entries.Count);
        foreach (var entry in entries)
        {
            var tombstone = SqlResponseStore.OpaqueId(entry.Respondent);
            if (entry.Event is not DeletionRequested && tombstones.TryGetValue(tombstone, out var deletedAt) && entry.Event.At <= deletedAt)
            {
                continue;
            }

            switch (entry.Event)
            {
                case ConversationCompleted completed:
                    QueueResponse(sql, entry, completed.Response);
                    tallies.Response(entry.Respondent, SqlResponseStore.OpaqueId(entry.Id), entry.Channel, completed.Response);
                    break;
                case DeletionRequested deletion:
                    // Events of this batch from before the deletion go in first, so that it deletes them.
                    QueueEvents(sql, events);
                    var tombstoneAt = TombstoneTime(deletion.At);
                    QueueDeletion(sql, entry.Respondent, tombstoneAt);
                    tallies.Delete(entry.Respondent, tombstoneAt);
                    tombstones[tombstone] = tombstones.TryGetValue(tombstone, out var earlier) && earlier > tombstoneAt ? earlier : tombstoneAt;
                    break;
            }

            // The deletion event itself keeps no pseudonym: nothing links it back to the person.
            var respondent = entry.Event is DeletionRequested ? null : entry.Respondent;
            var columns = EventColumns.Of(entry.Event);
            if (respondent is not null)
            {
                tallies.Event(respondent, new StoredEvent(SqlResponseStore.OpaqueId(entry.Id), entry.Event.At, columns.Type, entry.Channel, columns.Promoter, columns.Question, columns.Detail, entry.SurveyVersion));
            }

            events.Add([SqlResponseStore.OpaqueId(entry.Id), dialect.Time(entry.Event.At), columns.Type, entry.Channel, respondent, columns.Promoter, columns.Question, columns.Detail, entry.SurveyVersion]);
        }

        QueueEvents(sql, events);
        await tallies.QueueAsync(sql);
    }

    private void QueueEvents(Sql sql, List<object?[]> events)
    {
        sql.QueueRows(dialect, "conversation_events", EventTableColumns, events, "ON CONFLICT DO NOTHING");
        events.Clear();
    }

    /// <summary>
    /// A redelivered entry inserts nothing: the response, its values (keyed by response and position) and the
    /// contact (same values again) all conflict with what the first delivery stored.
    /// </summary>
    private void QueueResponse(Sql sql, OutboxEntry entry, CompletedResponse response)
    {
        var id = SqlResponseStore.OpaqueId(entry.Id);
        sql.Queue(
            "INSERT INTO responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) VALUES (@id, @survey, @version, @channel, @respondent, @promoter, @language, @started, @completed) ON CONFLICT DO NOTHING",
            ("id", id),
            ("survey", response.SurveyId),
            ("version", response.SurveyVersion),
            ("channel", entry.Channel),
            ("respondent", entry.Respondent),
            ("promoter", response.Promoter),
            ("language", response.Language),
            ("started", dialect.Time(response.StartedAt)),
            ("completed", dialect.Time(response.CompletedAt)));
        var values = response.Values.Select((value, seq) =>
        {
            var folded = value.Text is null ? null : FoldedText.Of(value.Text);
            return new object?[] { id, seq, value.Question, value.Row, value.Rank, value.Option, value.Text, folded, folded is null ? null : FoldedText.Hash(folded) };
        });
        sql.QueueRows(dialect, "answer_values", ValueTableColumns, [.. values], "ON CONFLICT DO NOTHING");

        if (entry.Contact is not null)
        {
            sql.Queue(
                "INSERT INTO contacts (respondent, channel, address, consent_at, consent_version) VALUES (@respondent, @channel, @address, @at, @version) ON CONFLICT (respondent) DO UPDATE SET channel = excluded.channel, address = excluded.address, consent_at = excluded.consent_at, consent_version = excluded.consent_version",
                ("respondent", entry.Respondent),
                ("channel", entry.Channel),
                ("address", entry.Contact),
                ("at", dialect.Time(response.CompletedAt)),
                ("version", $"{response.SurveyId}/{response.SurveyVersion}"));
        }
    }

    /// <summary>
    /// Everything of the person dated up to the deletion goes (what they did after it, a new conversation that reached
    /// the store first, stays), and the tombstone keeps the latest deletion's time.
    /// </summary>
    private void QueueDeletion(Sql sql, string respondent, DateTimeOffset at)
    {
        var time = dialect.Time(at);
        sql.Queue("DELETE FROM dead_letters WHERE respondent = @r", ("r", respondent));
        sql.Queue("DELETE FROM answer_values WHERE response_id IN (SELECT id FROM responses WHERE respondent = @r AND completed_at <= @at)", ("r", respondent), ("at", time));
        sql.Queue("DELETE FROM responses WHERE respondent = @r AND completed_at <= @at", ("r", respondent), ("at", time));
        sql.Queue("DELETE FROM conversation_events WHERE respondent = @r AND at <= @at", ("r", respondent), ("at", time));
        sql.Queue("DELETE FROM contacts WHERE respondent = @r AND consent_at <= @at", ("r", respondent), ("at", time));
        sql.Queue(
            "INSERT INTO tombstones (respondent_hash, deleted_at) VALUES (@h, @at) ON CONFLICT (respondent_hash) DO UPDATE SET deleted_at = CASE WHEN excluded.deleted_at > tombstones.deleted_at THEN excluded.deleted_at ELSE tombstones.deleted_at END",
            ("h", SqlResponseStore.OpaqueId(respondent)),
            ("at", time));
    }

    /// <summary>
    /// A deletion's time rounded up to the whole second: SQLite keeps times to the second, and rounding down would let
    /// an entry from the same second before the deletion slip past the tombstone.
    /// </summary>
    private static DateTimeOffset TombstoneTime(DateTimeOffset at)
    {
        var second = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);
        return second == at ? at : second.AddSeconds(1);
    }

    /// <summary>The tombstones of the people these entries are about, by hash.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> TombstonesAsync(Sql sql, IReadOnlyList<OutboxEntry> entries)
    {
        var hashes = entries.Select(e => SqlResponseStore.OpaqueId(e.Respondent)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (hashes.Count == 0)
        {
            return found;
        }

        var names = string.Join(", ", hashes.Select((_, i) => $"@h{i}"));
        await using var reader = await sql.Query($"SELECT respondent_hash, deleted_at FROM tombstones WHERE respondent_hash IN ({names})", [.. hashes.Select((h, i) => ($"h{i}", (object?)h))], CancellationToken.None);
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = SqlDialect.ReadTime(reader, 1);
        }

        return found;
    }
}
