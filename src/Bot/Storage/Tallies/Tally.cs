namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// Changes to the tallies, added up in memory and written as increments ("INSERT … ON CONFLICT DO UPDATE SET n = n +
/// excluded.n"), each under its day and under all days (<see cref="TallyKey.AllTime"/>). Rows are written in key
/// order, so two writers that touch the same rows lock them in the same order.
/// </summary>
public sealed class Tally
{
    private static readonly SqlColumn[] KeyColumns = [new("day", "text"), new("channel", "text"), new("promoter", "text"), new("survey_version", "text")];

    private readonly SortedDictionary<TallyKey, long[]> _people = new(KeyOrder.Instance);
    private readonly SortedDictionary<(TallyKey Key, string Question), long[]> _funnel = new(KeyOrder.Instance);
    private readonly SortedDictionary<(TallyKey Key, AnswerKey Answer), long> _answers = new(KeyOrder.Instance);
    private readonly SortedDictionary<(TallyKey Key, int Bucket), long> _durations = new(KeyOrder.Instance);

    public void AddPerson(TallyKey key, string status, long n)
    {
        var column = PersonStatus.Column(status);
        Row(_people, key, PersonStatus.All.Count)[column] += n;
        Row(_people, key.AllTime, PersonStatus.All.Count)[column] += n;
    }

    public void AddFunnel(TallyKey key, string question, FunnelColumn column, long n)
    {
        if (n == 0)
        {
            return;
        }

        Row(_funnel, (key, question), 5)[(int)column] += n;
        Row(_funnel, (key.AllTime, question), 5)[(int)column] += n;
    }

    public void AddAnswer(TallyKey key, AnswerKey answer, long n)
    {
        Add(_answers, (key, answer), n);
        Add(_answers, (key.AllTime, answer), n);
    }

    public void AddDuration(TallyKey key, int bucket, long n)
    {
        Add(_durations, (key, bucket), n);
        Add(_durations, (key.AllTime, bucket), n);
    }

    /// <summary>
    /// Queues the increments of every row that changed on <paramref name="sql"/> (as column arrays where the database
    /// takes them), flushing every <paramref name="flushEvery"/> rows (a rebuild writes hundreds of thousands).
    /// </summary>
    public async Task QueueAsync(Sql sql, SqlDialect dialect, int flushEvery = int.MaxValue)
    {
        await Upsert(
            sql, dialect, flushEvery, "tally_people", [], ["in_progress", "stopped", "completed", "abandoned", "cancelled"],
            _people.Where(p => p.Value.Any(v => v != 0)).Select(p => Row(p.Key, [], p.Value)));
        await Upsert(
            sql, dialect, flushEvery, "tally_funnel", [new("question", "text")], ["reached", "answered", "rejected", "stopped", "abandoned"],
            _funnel.Where(f => f.Value.Any(v => v != 0)).Select(f => Row(f.Key.Key, [f.Key.Question], f.Value)));
        await Upsert(
            sql, dialect, flushEvery, "tally_answers", [new("question", "text"), new("row_code", "text"), new("rank", "integer"), new("option_code", "text")], ["n"],
            _answers.Where(a => a.Value != 0).Select(a => Row(a.Key.Key, [a.Key.Answer.Question, a.Key.Answer.Row, a.Key.Answer.Rank, a.Key.Answer.Option], [a.Value])));
        await Upsert(
            sql, dialect, flushEvery, "tally_durations", [new("bucket", "integer")], ["n"],
            _durations.Where(d => d.Value != 0).Select(d => Row(d.Key.Key, [d.Key.Bucket], [d.Value])));
    }

    /// <summary>
    /// Adds the rows' counts to <paramref name="table"/>, whose key is the tally key then <paramref name="keys"/>. The rows
    /// keep their key order, so writers lock the rows they share in the same order.
    /// </summary>
    private static async Task Upsert(Sql sql, SqlDialect dialect, int flushEvery, string table, SqlColumn[] keys, string[] counts, IEnumerable<object?[]> rows)
    {
        SqlColumn[] columns = [.. KeyColumns, .. keys, .. counts.Select(c => new SqlColumn(c, "bigint"))];
        var conflict = $"ON CONFLICT ({string.Join(", ", KeyColumns.Concat(keys).Select(c => c.Name))}) DO UPDATE SET {string.Join(", ", counts.Select(c => $"{c} = {table}.{c} + excluded.{c}"))}";
        foreach (var chunk in rows.Chunk(Math.Min(flushEvery, 5000)))
        {
            sql.QueueRows(dialect, table, columns, chunk, conflict);
            if (flushEvery < int.MaxValue)
            {
                await sql.Flush();
            }
        }
    }

    private static object?[] Row(TallyKey key, object[] keys, long[] counts) => [key.Day, key.Channel, key.Promoter, key.Version, .. keys, .. counts.Cast<object>()];

    private static void Add<TKey>(SortedDictionary<TKey, long> counts, TKey key, long n)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + n;

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
