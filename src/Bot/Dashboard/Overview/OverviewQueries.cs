using System.Globalization;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Bot.Surveys;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>
/// The dashboard's figures, read from the tallies the outbox writer keeps (Storage/Tallies): without dates, one row per
/// channel, promoter and version; with dates, one per day of the range as well. Four small queries, whatever the number
/// of responses.
/// </summary>
public sealed class OverviewQueries(DashboardDb db, SurveyCatalog surveys)
{
    private const string PeopleColumns = "SUM(t.completed), SUM(t.in_progress), SUM(t.stopped), SUM(t.abandoned), SUM(t.cancelled)";

    public async Task<OverviewData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = DashboardDb.TallyWhere(filter, "t");
        var people = await db.ListAsync(
            $"SELECT t.channel, t.promoter, {PeopleColumns} FROM tally_people t WHERE {where} GROUP BY t.channel, t.promoter",
            parameters, r => (Channel: r.GetString(0), Promoter: r.GetString(1), Counts: Counts(r, 2)), cancellationToken);
        var funnel = await db.ListAsync(
            $"SELECT t.channel, t.promoter, t.question, SUM(t.reached), SUM(t.answered), SUM(t.rejected), SUM(t.stopped), SUM(t.abandoned) FROM tally_funnel t WHERE {where} GROUP BY t.channel, t.promoter, t.question",
            parameters, r => (Channel: r.GetString(0), Promoter: r.GetString(1), Question: r.GetString(2), Counts: new[] { Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Long(r, 7) }), cancellationToken);
        var durations = await db.ListAsync(
            $"SELECT t.channel, t.promoter, t.bucket, SUM(t.n) FROM tally_durations t WHERE {where} GROUP BY t.channel, t.promoter, t.bucket",
            parameters, r => (Channel: r.GetString(0), Promoter: r.GetString(1), Bucket: (int)Long(r, 2), Count: Long(r, 3)), cancellationToken);

        var survey = surveys.ForVersion(filter.Version);
        var byQuestion = funnel.ToLookup(f => f.Question, StringComparer.Ordinal);
        List<FunnelStep> Funnel(Func<string, string, bool> include) =>
        [
            .. survey.Questions.Select(q =>
            {
                var sums = new long[5];
                foreach (var row in byQuestion[q.Code].Where(f => include(f.Channel, f.Promoter)))
                {
                    for (var i = 0; i < sums.Length; i++)
                    {
                        sums[i] += row.Counts[i];
                    }
                }

                return new FunnelStep(q, sums[0], sums[1], sums[2], sums[3], sums[4]);
            }),
        ];
        ComparisonRow Compare(string key, Func<string, string, bool> include)
        {
            var steps = Funnel(include);
            return new ComparisonRow(
                key,
                people.Where(p => include(p.Channel, p.Promoter)).Aggregate(StatusCounts.Zero, (sum, p) => sum.Plus(p.Counts)),
                Durations.Median(durations.Where(d => include(d.Channel, d.Promoter)).Select(d => (d.Bucket, d.Count))),
                steps.Where(s => s.Left > 0).OrderByDescending(s => s.Left).ThenBy(s => s.Question.Number).FirstOrDefault());
        }

        var all = Compare("", (_, _) => true);
        return new OverviewData(
            all.Counts,
            await ByDayAsync(filter, cancellationToken),
            all.Median,
            Funnel((_, _) => true),
            [.. people.Select(p => p.Channel).Distinct().Order(StringComparer.Ordinal).Select(c => Compare(c, (channel, _) => channel == c)).Where(r => r.Counts.Started > 0)],
            [.. people.Select(p => p.Promoter).Distinct().Order(StringComparer.Ordinal).Select(code => Compare(code, (_, promoter) => promoter == code)).Where(r => r.Counts.Started > 0)]);
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

    private static long Long(System.Data.Common.DbDataReader r, int ordinal) => DashboardDb.ReadLong(r, ordinal);
}
