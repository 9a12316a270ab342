using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// The tallies' side of one write transaction. The people it touches are locked (PostgreSQL; SQLite runs one writer at
/// a time) and read as they stand before it: their events, their responses and their stored status (the events and
/// responses from <see cref="PersonRows"/> when this process wrote the person last). The writer then
/// reports what it queues (events, responses, deletions) and <see cref="QueueAsync"/> adds the difference between
/// each person's figures after and before to the tallies, in the same transaction as the rows. An entry delivered
/// again changes nothing (its event or response is there already), a late one moves the person where they belong,
/// and a deletion takes away exactly what it removes.
/// </summary>
internal sealed class TallyUpdate
{
    private readonly SqlDialect _dialect;
    private readonly TallySettings _settings;
    private readonly PersonRows _rows;
    private readonly Dictionary<string, Person> _people;

    private TallyUpdate(SqlDialect dialect, TallySettings settings, PersonRows rows, Dictionary<string, Person> people)
    {
        _dialect = dialect;
        _settings = settings;
        _rows = rows;
        _people = people;
    }

    public static async Task<TallyUpdate> BeginAsync(Sql sql, SqlDialect dialect, TallySettings settings, PersonRows rows, IEnumerable<string> respondents)
    {
        var people = respondents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToDictionary(r => r, _ => new Person(), StringComparer.Ordinal);
        var update = new TallyUpdate(dialect, settings, rows, people);
        if (people.Count == 0)
        {
            return update;
        }

        if (dialect.LockRespondent.Length > 0)
        {
            // In key order, so two writers that share people wait for each other instead of deadlocking.
            foreach (var respondent in people.Keys)
            {
                sql.Queue(dialect.LockRespondent, ("r", respondent));
            }

            await sql.Flush();
        }

        var (names, parameters) = InList(people.Keys);
        await using (var reader = await sql.Query($"SELECT respondent, status, revision FROM people WHERE respondent IN ({names})", parameters, CancellationToken.None))
        {
            while (await reader.ReadAsync())
            {
                var respondent = reader.GetString(0);
                var person = people[respondent];
                person.StoredStatus = reader.GetString(1);
                if (rows.TryGet(respondent, reader.GetInt64(2), out var known))
                {
                    person.Load(known);
                }
            }
        }

        var unknown = people.Where(p => !p.Value.Known).Select(p => p.Key).ToList();
        if (unknown.Count > 0)
        {
            await ReadRowsAsync(sql, settings, people, unknown);
            foreach (var respondent in unknown)
            {
                // The status they stored stands for the silence then.
                var person = people[respondent];
                person.Figures = PersonFigures.Of(person.After.Values, settings, _ => person.StoredStatus == PersonStatus.Stopped);
            }
        }

        return update;
    }

    private static async Task ReadRowsAsync(Sql sql, TallySettings settings, Dictionary<string, Person> people, List<string> respondents)
    {
        var (names, parameters) = InList(respondents);
        await using (var reader = await sql.Query($"SELECT respondent, {EventColumnsSql} FROM conversation_events WHERE respondent IN ({names})", parameters, CancellationToken.None))
        {
            while (await reader.ReadAsync())
            {
                people[reader.GetString(0)].Read(ReadEvent(reader, 1));
            }
        }

        await using (var reader = await sql.Query($"SELECT respondent, {ResponseColumnsSql} FROM responses WHERE respondent IN ({names})", parameters, CancellationToken.None))
        {
            while (await reader.ReadAsync())
            {
                people[reader.GetString(0)].Read(ReadResponse(reader, 1, settings));
            }
        }
    }

    /// <summary>The columns <see cref="ReadEvent"/> reads, from its ordinal on.</summary>
    public const string EventColumnsSql = "id, at, type, channel, promoter, question, detail, survey_version";

    /// <summary>The columns <see cref="ReadResponse"/> reads, from its ordinal on.</summary>
    public const string ResponseColumnsSql = "id, channel, promoter, survey_version, started_at, completed_at";

    public static StoredEvent ReadEvent(System.Data.Common.DbDataReader reader, int at) => new(
        reader.GetString(at), SqlDialect.ReadTime(reader, at + 1), reader.GetString(at + 2), reader.GetString(at + 3),
        Text(reader, at + 4), Text(reader, at + 5), Text(reader, at + 6), Text(reader, at + 7));

    public static StoredResponse ReadResponse(System.Data.Common.DbDataReader reader, int at, TallySettings settings) => StoredResponse.Of(
        reader.GetString(at), reader.GetString(at + 1), Text(reader, at + 2), reader.GetString(at + 3), SqlDialect.ReadTime(reader, at + 4), SqlDialect.ReadTime(reader, at + 5), settings);

    /// <summary>An event the writer queued (inserted unless its id is there already).</summary>
    public void Event(string respondent, StoredEvent e) => _people[respondent].After.TryAdd(e.Id, e with { At = _dialect.Stored(e.At) });

    /// <summary>A response the writer queued (inserted unless its id is there already), with its values.</summary>
    public void Response(string respondent, string id, string channel, CompletedResponse response)
    {
        var person = _people[respondent];
        if (!person.ResponsesAfter.ContainsKey(id))
        {
            person.ResponsesAfter[id] = StoredResponse.Of(id, channel, response.Promoter, response.SurveyVersion, _dialect.Stored(response.StartedAt), _dialect.Stored(response.CompletedAt), _settings);
            person.NewValues[id] = response.Values;
        }
    }

    /// <summary>A deletion the writer queued: the person's events and responses up to <paramref name="upTo"/> go.</summary>
    public void Delete(string respondent, DateTimeOffset upTo)
    {
        var person = _people[respondent];
        foreach (var id in person.After.Values.Where(e => e.At <= upTo).Select(e => e.Id).ToList())
        {
            person.After.Remove(id);
        }

        foreach (var id in person.ResponsesAfter.Values.Where(r => r.CompletedAt <= upTo).Select(r => r.Id).ToList())
        {
            person.ResponsesAfter.Remove(id);
            person.NewValues.Remove(id);
        }
    }

    /// <summary>The events of the person as they will stand (for the retention purge, which decides on them).</summary>
    public IReadOnlyCollection<StoredEvent> EventsOf(string respondent) => _people[respondent].After.Values;

    public bool HasResponses(string respondent) => _people[respondent].ResponsesAfter.Count > 0;

    /// <summary>
    /// Queues the tallies' increments and each person's stored status (read before the writer's own statements run:
    /// call it before <see cref="Sql.Flush"/>).
    /// </summary>
    public async Task QueueAsync(Sql sql)
    {
        var tally = new Tally();
        var removed = _people.Values.SelectMany(p => p.ResponsesBefore.Keys.Where(id => !p.ResponsesAfter.ContainsKey(id))).ToList();
        var removedValues = await ValuesAsync(sql, removed);
        foreach (var (respondent, person) in _people)
        {
            var before = person.Figures;
            var after = PersonFigures.Of(person.After.Values, _settings, _settings.IsSilent);
            before?.AddTo(tally, -1);
            after?.AddTo(tally, 1);
            foreach (var (id, response) in person.ResponsesBefore.Where(r => !person.ResponsesAfter.ContainsKey(r.Key)))
            {
                response.AddTo(tally, -1, removedValues.GetValueOrDefault(id) ?? []);
            }

            foreach (var (id, values) in person.NewValues)
            {
                person.ResponsesAfter[id].AddTo(tally, 1, values);
            }

            if (after is not null)
            {
                // Known from here on at this revision; if the transaction rolls back, the row keeps the old one.
                var revision = PersonRows.NewRevision();
                sql.Queue(
                    "INSERT INTO people (respondent, status, last_at, revision) VALUES (@r, @s, @at, @v) ON CONFLICT (respondent) DO UPDATE SET status = excluded.status, last_at = excluded.last_at, revision = excluded.revision",
                    ("r", respondent), ("s", after.Status), ("at", _dialect.Time(after.LastActivity)), ("v", revision));
                _rows.Set(respondent, new PersonRows.Snapshot(revision, [.. person.After.Values], [.. person.ResponsesAfter.Values], after));
            }
            else
            {
                _rows.Remove(respondent);
                if (person.StoredStatus is not null)
                {
                    sql.Queue("DELETE FROM people WHERE respondent = @r", ("r", respondent));
                }
            }
        }

        await tally.QueueAsync(sql, _dialect);
    }

    private static async Task<Dictionary<string, List<AnswerValue>>> ValuesAsync(Sql sql, List<string> responses)
    {
        var values = new Dictionary<string, List<AnswerValue>>(StringComparer.Ordinal);
        if (responses.Count == 0)
        {
            return values;
        }

        var (names, parameters) = InList(responses);
        await using var reader = await sql.Query($"SELECT response_id, question, row_code, rank, option_code FROM answer_values WHERE response_id IN ({names})", parameters, CancellationToken.None);
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (!values.TryGetValue(id, out var list))
            {
                values[id] = list = [];
            }

            list.Add(new AnswerValue(reader.GetString(1), Text(reader, 2), reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), Text(reader, 4), null));
        }

        return values;
    }

    private static (string Names, (string, object?)[] Parameters) InList(IEnumerable<string> values)
    {
        var list = values.ToList();
        return (string.Join(", ", list.Select((_, i) => $"@i{i}")), [.. list.Select((v, i) => ($"i{i}", (object?)v))]);
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed class Person
    {
        public string? StoredStatus { get; set; }

        /// <summary>Whether the events and responses came from <see cref="PersonRows"/> (nothing to read).</summary>
        public bool Known { get; private set; }

        /// <summary>The figures the person's rows make before this transaction; null for one who never started.</summary>
        public PersonFigures? Figures { get; set; }

        public Dictionary<string, StoredEvent> After { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, StoredResponse> ResponsesBefore { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, StoredResponse> ResponsesAfter { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, IReadOnlyList<AnswerValue>> NewValues { get; } = new(StringComparer.Ordinal);

        public void Load(PersonRows.Snapshot rows)
        {
            Known = true;
            Figures = rows.Figures;
            foreach (var e in rows.Events)
            {
                Read(e);
            }

            foreach (var r in rows.Responses)
            {
                Read(r);
            }
        }

        public void Read(StoredEvent e) => After[e.Id] = e;

        public void Read(StoredResponse r)
        {
            ResponsesBefore[r.Id] = r;
            ResponsesAfter[r.Id] = r;
        }
    }
}
