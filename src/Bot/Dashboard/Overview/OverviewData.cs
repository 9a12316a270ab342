namespace ChatSurvey.Bot.Dashboard.Overview;

/// <summary>The dashboard's figures for one filter.</summary>
/// <param name="Days">People by the day they started (local days), oldest first; days without starts are left out.</param>
/// <param name="MedianTimeToComplete">Median of completed_at − started_at over the completed responses (to within about 5 %); null when there are none.</param>
/// <param name="ByChannel">Every channel with people in the filter.</param>
/// <param name="ByPromoter">Every promoter code with people in the filter ("" for none).</param>
public sealed record OverviewData(
    StatusCounts Totals,
    IReadOnlyList<DayCounts> Days,
    TimeSpan? MedianTimeToComplete,
    IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<ComparisonRow> ByChannel,
    IReadOnlyList<ComparisonRow> ByPromoter);
