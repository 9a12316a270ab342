namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>
/// The people the dashboard counts and where each one stands, as SQL common table expressions:
/// <c>cohort(respondent, grp, first_start)</c>, the people who started (gave consent) within the filter, once per
/// group; <c>outcome(respondent, type)</c>, each one's latest outcome: started (so still in progress), completed,
/// abandoned, or cancelled. A restart's "cancelled" is not an outcome: a new start follows it at the same instant.
/// Because every person has exactly one outcome, started = completed + in progress + abandoned + cancelled.
/// </summary>
internal static class CohortSql
{
    /// <param name="startedWhere">Conditions on the started events, alias <c>s</c>.</param>
    /// <param name="group">An expression over <c>s</c> to count by (the promoter), or null for one group.</param>
    public static string With(string startedWhere, string? group = null) => $"""
        WITH cohort AS (
            SELECT s.respondent, {group ?? "''"} AS grp, MIN(s.at) AS first_start
            FROM conversation_events s
            WHERE s.type = 'started' AND s.respondent IS NOT NULL AND {startedWhere}
            GROUP BY s.respondent{(group is null ? "" : ", " + group)}
        ),
        ranked AS (
            SELECT e.respondent, e.type,
                ROW_NUMBER() OVER (PARTITION BY e.respondent ORDER BY e.at DESC, CASE WHEN e.type = 'started' THEN 1 ELSE 0 END) AS n
            FROM conversation_events e
            WHERE e.respondent IN (SELECT respondent FROM cohort)
                AND (e.type IN ('started', 'completed', 'abandoned') OR (e.type = 'cancelled' AND e.detail <> 'Restarted'))
        ),
        outcome AS (SELECT respondent, type FROM ranked WHERE n = 1)
        """;
}
