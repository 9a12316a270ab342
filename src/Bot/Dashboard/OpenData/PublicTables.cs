using ChatSurvey.Bot.Dashboard.Results;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>The aggregated tables as the public gets them: the staff tables' rows, small counts (and what they could be worked out from) left empty.</summary>
public static class PublicTables
{
    public static IEnumerable<string?[]> Results(PublicSnapshot snapshot, Suppression suppression) =>
        ResultsTable.Groups(snapshot.Survey, snapshot.Results).SelectMany(group =>
        {
            var hidden = suppression.Apply([.. group.Select(r => r.Count)]);
            var baseHidden = group.Count > 0 && suppression.IsSmall(group[0].Base);
            return group.Select((row, i) => ResultsTable.Cells(row, suppressed: hidden[i] || baseHidden));
        });

    /// <summary>A count, or nothing when it is small.</summary>
    public static Func<long, string?> Count(Suppression suppression) => n => suppression.IsSmall(n) ? null : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
