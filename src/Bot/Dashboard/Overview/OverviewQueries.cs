using System.Globalization;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>The dashboard's figures: status by day, the median time to complete, and the funnel by question.</summary>
public sealed class OverviewQueries(DashboardDb db, CompiledSurvey survey)
{
    public async Task<OverviewData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var days = await ByDayAsync(filter, cancellationToken);
        var totals = days.Aggregate(StatusCounts.Zero, (sum, day) => sum.Plus(day.Counts));
        return new OverviewData(totals, days, await MedianAsync(filter, cancellationToken), await FunnelAsync(filter, cancellationToken));
    }

    public async Task<IReadOnlyList<DayCounts>> ByDayAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = db.Where(filter, "s", "at");
        var sql = $"""
            {CohortSql.With(where)}
            SELECT {db.Day("c.first_start")} AS day, o.type, COUNT(*)
            FROM cohort c JOIN outcome o ON o.respondent = c.respondent
            GROUP BY {db.Day("c.first_start")}, o.type
            """;
        var rows = await db.ListAsync(sql, parameters, r => (Day: r.GetString(0), Type: r.GetString(1), Count: DashboardDb.ReadLong(r, 2)), cancellationToken);
        return [.. rows
            .GroupBy(r => r.Day)
            .Select(g => new DayCounts(DateOnly.ParseExact(g.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture), g.Aggregate(StatusCounts.Zero, (sum, r) => sum.Add(r.Type, r.Count))))
            .OrderBy(d => d.Day)];
    }

    /// <summary>Counts by promoter code ("" for people who came without one), for the leaderboard.</summary>
    public async Task<IReadOnlyDictionary<string, StatusCounts>> ByPromoterAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = db.Where(filter, "s", "at");
        var sql = $"""
            {CohortSql.With(where, "COALESCE(s.promoter, '')")}
            SELECT c.grp, o.type, COUNT(*)
            FROM cohort c JOIN outcome o ON o.respondent = c.respondent
            GROUP BY c.grp, o.type
            """;
        var rows = await db.ListAsync(sql, parameters, r => (Promoter: r.GetString(0), Type: r.GetString(1), Count: DashboardDb.ReadLong(r, 2)), cancellationToken);
        return rows.GroupBy(r => r.Promoter).ToDictionary(g => g.Key, g => g.Aggregate(StatusCounts.Zero, (sum, r) => sum.Add(r.Type, r.Count)));
    }

    /// <summary>The middle duration (mean of the two middle ones for an even count), found by the database's sort.</summary>
    public async Task<TimeSpan?> MedianAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = db.Where(filter, "r", "started_at");
        var count = await db.CountAsync($"SELECT COUNT(*) FROM responses r WHERE {where}", parameters, cancellationToken);
        if (count == 0)
        {
            return null;
        }

        var sql = $"""
            SELECT {db.Dialect.SecondsBetween("r.started_at", "r.completed_at")} AS d FROM responses r WHERE {where}
            ORDER BY d LIMIT {(count % 2 == 0 ? 2 : 1)} OFFSET {(count - 1) / 2}
            """;
        var middle = await db.ListAsync(sql, parameters, r => DashboardDb.ReadLong(r, 0), cancellationToken);
        return TimeSpan.FromSeconds(middle.Average());
    }

    public async Task<IReadOnlyList<FunnelStep>> FunnelAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = db.Where(filter, "s", "at");
        var sql = $"""
            {CohortSql.With(where)}
            SELECT e.question, e.type, COUNT(DISTINCT e.respondent), COUNT(*)
            FROM conversation_events e
            WHERE e.respondent IN (SELECT respondent FROM cohort) AND e.question IS NOT NULL
                AND e.type IN ('question_asked', 'answer_recorded', 'answer_rejected', 'abandoned')
            GROUP BY e.question, e.type
            """;
        var rows = (await db.ListAsync(sql, parameters, r => (Question: r.GetString(0), Type: r.GetString(1), People: DashboardDb.ReadLong(r, 2), Events: DashboardDb.ReadLong(r, 3)), cancellationToken))
            .ToDictionary(r => (r.Question, r.Type));
        long People(string question, string type) => rows.TryGetValue((question, type), out var row) ? row.People : 0;
        return [.. survey.Questions.Select(q => new FunnelStep(
            q,
            People(q.Code, "question_asked"),
            People(q.Code, "answer_recorded"),
            rows.TryGetValue((q.Code, "answer_rejected"), out var rejected) ? rejected.Events : 0,
            People(q.Code, "abandoned")))];
    }
}
