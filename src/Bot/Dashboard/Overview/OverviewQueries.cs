using System.Globalization;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>
/// The dashboard's figures, read from the tallies the outbox writer keeps (Storage/Tallies): without dates, one row per
/// channel, promoter and version; with dates, one per day of the range as well. Four small queries at once, whatever the
/// number of responses.
/// </summary>
public sealed class OverviewQueries(DashboardDb db, SurveyCatalog surveys)
{
    private static readonly string[] PersonColumns = ["completed", "in_progress", "stopped", "abandoned", "cancelled"];

    private static readonly string PeopleColumns = Sums(PersonColumns);

    public async Task<OverviewData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        // Without dates the all-time rows are read as they are (one per channel, promoter, version and question: the
        // versions are added together below); a date range sums its days in the database first. The four queries run
        // at once, each on its own connection: the live refresh waits for the slowest, not for their sum.
        var daysTask = ByDayAsync(filter, cancellationToken);
        var totals = await db.WithoutNeedlessDatesAsync(filter, cancellationToken);
        var (where, parameters) = DashboardDb.TallyWhere(totals, "t");
        var allTime = totals.From is null && totals.To is null;
        string Query(string table, string keys, params string[] columns) => allTime
            ? $"SELECT {keys}, {string.Join(", ", columns.Select(c => $"t.{c}"))} FROM {table} t WHERE {where}"
            : $"SELECT {keys}, {Sums(columns)} FROM {table} t WHERE {where} GROUP BY {keys}";
        var peopleTask = db.ListAsync(
            Query("tally_people", "t.channel, t.promoter", PersonColumns),
            parameters, r => (Channel: r.GetString(0), Promoter: r.GetString(1), Counts: Counts(r, 2)), cancellationToken);
        var funnelTask = db.ListAsync(
            Query("tally_funnel", "t.channel, t.promoter, t.question", "reached", "answered", "rejected", "stopped", "abandoned"),
            parameters, r => (Channel: r.GetString(0), Promoter: r.GetString(1), Question: r.GetString(2), Counts: new[] { Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Long(r, 7) }), cancellationToken);
        var durationsTask = db.ListAsync(
            Query("tally_durations", "t.channel, t.promoter, t.bucket", "n"),
            parameters, r => (Channel: r.GetString(0), Promoter: r.GetString(1), Bucket: (int)Long(r, 2), Count: Long(r, 3)), cancellationToken);
        await Task.WhenAll(peopleTask, funnelTask, durationsTask, daysTask);
        var (people, funnel, durations) = (await peopleTask, await funnelTask, await durationsTask);

        // One pass over the rows, each added to the whole, its channel and its promoter.
        var all = new Group();
        var byChannel = new SortedDictionary<string, Group>(StringComparer.Ordinal);
        var byPromoter = new SortedDictionary<string, Group>(StringComparer.Ordinal);
        Group[] GroupsOf(string channel, string promoter) =>
        [
            all,
            byChannel.TryGetValue(channel, out var c) ? c : byChannel[channel] = new Group(),
            byPromoter.TryGetValue(promoter, out var p) ? p : byPromoter[promoter] = new Group(),
        ];
        foreach (var row in people)
        {
            foreach (var group in GroupsOf(row.Channel, row.Promoter))
            {
                group.Counts = group.Counts.Plus(row.Counts);
            }
        }

        foreach (var row in funnel)
        {
            foreach (var group in GroupsOf(row.Channel, row.Promoter))
            {
                group.Add(row.Question, row.Counts);
            }
        }

        foreach (var row in durations)
        {
            foreach (var group in GroupsOf(row.Channel, row.Promoter))
            {
                group.Times[row.Bucket] = group.Times.GetValueOrDefault(row.Bucket) + row.Count;
            }
        }

        var survey = surveys.ForVersion(filter.Version);
        IReadOnlyList<ComparisonRow> Compare(SortedDictionary<string, Group> groups) =>
            [.. groups.Select(g => g.Value.Row(g.Key, survey)).Where(r => r.Counts.Started > 0)];
        return new OverviewData(
            all.Counts,
            await daysTask,
            all.Median,
            all.Funnel(survey),
            Compare(byChannel),
            Compare(byPromoter));
    }

    /// <summary>People by the local day they first started, oldest first (days without starts are not there).</summary>
    public async Task<IReadOnlyList<DayCounts>> ByDayAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = DashboardDb.TallyWhere(filter, "t", byDay: true);
        return await db.ListAsync(
            $"SELECT t.day, {PeopleColumns} FROM tally_people t WHERE {where} GROUP BY t.day ORDER BY t.day",
            parameters, r => new DayCounts(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), Counts(r, 1)), cancellationToken);
    }

    /// <summary>Counts by promoter code ("" for people who came without one), for the leaderboard.</summary>
    public async Task<IReadOnlyDictionary<string, StatusCounts>> ByPromoterAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = DashboardDb.TallyWhere(filter, "t");
        var rows = await db.ListAsync(
            $"SELECT t.promoter, {PeopleColumns} FROM tally_people t WHERE {where} GROUP BY t.promoter",
            parameters, r => (Promoter: r.GetString(0), Counts: Counts(r, 1)), cancellationToken);
        return rows.Where(r => r.Counts.Started > 0).ToDictionary(r => r.Promoter, r => r.Counts);
    }

    private static StatusCounts Counts(System.Data.Common.DbDataReader r, int at) => new(Long(r, at), Long(r, at + 1), Long(r, at + 2), Long(r, at + 3), Long(r, at + 4));

    /// <summary>Sums of tally columns as BIGINT: PostgreSQL's own sum of BIGINT is numeric, slower to decode.</summary>
    private static string Sums(params string[] columns) => string.Join(", ", columns.Select(c => $"CAST(SUM(t.{c}) AS BIGINT)"));

    /// <summary>A sum of a group (never null), read as it is: every call into SQLite counts at a few thousand rows.</summary>
    private static long Long(System.Data.Common.DbDataReader r, int ordinal) => r.GetInt64(ordinal);

    /// <summary>The sums of one part of the people (all of them, a channel, a promoter).</summary>
    private sealed class Group
    {
        private readonly Dictionary<string, long[]> _funnel = new(StringComparer.Ordinal);

        public StatusCounts Counts { get; set; } = StatusCounts.Zero;

        /// <summary>Times to complete, as histogram buckets (<see cref="Durations"/>).</summary>
        public Dictionary<int, long> Times { get; } = [];

        public TimeSpan? Median => Durations.Median(Times.Select(t => (t.Key, t.Value)));

        public void Add(string question, long[] counts)
        {
            if (!_funnel.TryGetValue(question, out var sums))
            {
                _funnel[question] = sums = new long[counts.Length];
            }

            for (var i = 0; i < counts.Length; i++)
            {
                sums[i] += counts[i];
            }
        }

        public List<FunnelStep> Funnel(CompiledSurvey survey) =>
        [
            .. survey.Questions.Select(q => _funnel.TryGetValue(q.Code, out var s) ? new FunnelStep(q, s[0], s[1], s[2], s[3], s[4]) : new FunnelStep(q, 0, 0, 0, 0, 0)),
        ];

        public ComparisonRow Row(string key, CompiledSurvey survey) => new(
            key,
            Counts,
            Median,
            Funnel(survey).Where(s => s.Left > 0).OrderByDescending(s => s.Left).ThenBy(s => s.Question.Number).FirstOrDefault());
    }
}
