namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// Bars drawn in HTML, so their numbers are real text on them: a width is a class ("w37" is 37 %, staff.css has w0 to
/// w100), since the pages' Content-Security-Policy allows no inline styles.
/// </summary>
public static class Widths
{
    public static string Class(long part, long whole) => $"w{(whole <= 0 ? 0 : Math.Clamp((int)Math.Round(100.0 * part / whole), 0, 100))}";

    /// <summary>Whole percentages of <paramref name="counts"/> that add up to 100 (largest remainders get the rounding), or all 0.</summary>
    public static int[] Split(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        var shares = new int[counts.Count];
        if (total <= 0)
        {
            return shares;
        }

        var exact = counts.Select(c => 100.0 * c / total).ToArray();
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (int)Math.Floor(exact[i]);
        }

        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(100 - shares.Sum()))
        {
            shares[i]++;
        }

        return shares;
    }
}
