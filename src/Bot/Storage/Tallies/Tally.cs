namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// Changes to the tallies, added up in memory and written as increments ("INSERT … ON CONFLICT DO UPDATE SET n = n +
/// excluded.n"), each under its day and under all days. Rows are written in key order, so two writers that touch the
/// same rows lock them in the same order.
/// </summary>
public sealed class Tally
{
    private readonly SortedDictionary<TallyKey, long[]> _people = new(KeyOrder.Instance);
    private readonly SortedDictionary<(TallyKey Key, string Question), long[]> _funnel = new(KeyOrder.Instance);
    private readonly SortedDictionary<(TallyKey Key, AnswerKey Answer), long> _answers = new(KeyOrder.Instance);
    private readonly SortedDictionary<(TallyKey Key, int Bucket), long> _durations = new(KeyOrder.Instance);

    public void AddPerson(TallyKey key, string status, long n)
    {
        var column = PersonStatus.Column(status);
        foreach (var k in Both(key))
        {
            Row(_people, k, PersonStatus.All.Count)[column] += n;
        }
    }

    public void AddFunnel(TallyKey key, string question, FunnelColumn column, long n)
    {
        if (n == 0)
        {
            return;
        }

        foreach (var k in Both(key))
        {
            Row(_funnel, (k, question), 5)[(int)column] += n;
        }
    }

    public void AddAnswer(TallyKey key, AnswerKey answer, long n)
    {
        foreach (var k in Both(key))
        {
            _answers[(k, answer)] = _answers.GetValueOrDefault((k, answer)) + n;
        }
    }

    public void AddDuration(TallyKey key, int bucket, long n)
    {
        foreach (var k in Both(key))
        {
            _durations[(k, bucket)] = _durations.GetValueOrDefault((k, bucket)) + n;
        }
    }

    /// <summary>
    /// Queues one increment per row that changed on <paramref name="sql"/>, flushing every
    /// <paramref name="flushEvery"/> statements (a rebuild writes hundreds of thousands).
    /// </summary>
    public async Task QueueAsync(Sql sql, int flushEvery = int.MaxValue)
    {
        var queued = 0;
        async Task Queue(string text, params (string, object?)[] parameters)
        {
            sql.Queue(text, parameters);
            if (++queued % flushEvery == 0)
            {
                await sql.Flush();
            }
        }

        foreach (var (key, n) in _people.Where(p => p.Value.Any(v => v != 0)))
        {
            await Queue(
                "INSERT INTO tally_people (day, channel, promoter, survey_version, in_progress, stopped, completed, abandoned, cancelled) VALUES (@d, @c, @p, @v, @n0, @n1, @n2, @n3, @n4) ON CONFLICT (day, channel, promoter, survey_version) DO UPDATE SET in_progress = tally_people.in_progress + excluded.in_progress, stopped = tally_people.stopped + excluded.stopped, completed = tally_people.completed + excluded.completed, abandoned = tally_people.abandoned + excluded.abandoned, cancelled = tally_people.cancelled + excluded.cancelled",
                [.. Key(key), ("n0", n[0]), ("n1", n[1]), ("n2", n[2]), ("n3", n[3]), ("n4", n[4])]);
        }

        foreach (var ((key, question), n) in _funnel.Where(f => f.Value.Any(v => v != 0)))
        {
            await Queue(
                "INSERT INTO tally_funnel (day, channel, promoter, survey_version, question, reached, answered, rejected, stopped, abandoned) VALUES (@d, @c, @p, @v, @q, @n0, @n1, @n2, @n3, @n4) ON CONFLICT (day, channel, promoter, survey_version, question) DO UPDATE SET reached = tally_funnel.reached + excluded.reached, answered = tally_funnel.answered + excluded.answered, rejected = tally_funnel.rejected + excluded.rejected, stopped = tally_funnel.stopped + excluded.stopped, abandoned = tally_funnel.abandoned + excluded.abandoned",
                [.. Key(key), ("q", question), ("n0", n[0]), ("n1", n[1]), ("n2", n[2]), ("n3", n[3]), ("n4", n[4])]);
        }

        foreach (var ((key, answer), n) in _answers.Where(a => a.Value != 0))
        {
            await Queue(
                "INSERT INTO tally_answers (day, channel, promoter, survey_version, question, row_code, rank, option_code, n) VALUES (@d, @c, @p, @v, @q, @r, @k, @o, @n) ON CONFLICT (day, channel, promoter, survey_version, question, row_code, rank, option_code) DO UPDATE SET n = tally_answers.n + excluded.n",
                [.. Key(key), ("q", answer.Question), ("r", answer.Row), ("k", answer.Rank), ("o", answer.Option), ("n", n)]);
        }

        foreach (var ((key, bucket), n) in _durations.Where(d => d.Value != 0))
        {
            await Queue(
                "INSERT INTO tally_durations (day, channel, promoter, survey_version, bucket, n) VALUES (@d, @c, @p, @v, @b, @n) ON CONFLICT (day, channel, promoter, survey_version, bucket) DO UPDATE SET n = tally_durations.n + excluded.n",
                [.. Key(key), ("b", bucket), ("n", n)]);
        }
    }

    private static (string, object?)[] Key(TallyKey key) => [("d", key.Day), ("c", key.Channel), ("p", key.Promoter), ("v", key.Version)];

    private static TallyKey[] Both(TallyKey key) => [key, key.AllTime];

    private static long[] Row<TKey>(SortedDictionary<TKey, long[]> rows, TKey key, int columns)
        where TKey : notnull
    {
        if (!rows.TryGetValue(key, out var row))
        {
            rows[key] = row = new long[columns];
        }

        return row;
    }
}
