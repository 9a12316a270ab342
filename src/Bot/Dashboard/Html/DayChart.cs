using System.Globalization;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// Columns by day on a continuous calendar axis (a day without starts is an empty column, not a missing one): people
/// who started (light) with those who completed (dark) in front, a scale with round numbers and Spanish dates. The
/// SVG carries a summary as its accessible name; the table under it has every day's figures.
/// </summary>
public static class DayChart
{
    /// <summary>A longer range than this (a filter "since 2020") is drawn over the days that have data instead.</summary>
    private const int MaxDays = 400;

    public sealed record Day(DateOnly Date, long Started, long Completed);

    /// <param name="from">The axis starts here (the filter's first day), or at the first day with data.</param>
    /// <param name="to">The axis ends here (the filter's last day), or at the last day with data.</param>
    public static Markup Render(string caption, IReadOnlyList<Day> days, DateOnly? from = null, DateOnly? to = null)
    {
        var known = days.Where(d => d.Started > 0 || d.Completed > 0).ToDictionary(d => d.Date);
        if (known.Count == 0)
        {
            return Markup.Of($"""<figure class="days"><figcaption>{caption}</figcaption><p>Sin datos en este periodo.</p></figure>""");
        }

        var (first, last) = (from ?? known.Keys.Min(), to ?? known.Keys.Max());
        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            (first, last) = (known.Keys.Min(), known.Keys.Max());
        }

        List<Day> axis = [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => first.AddDays(i)).Select(d => known.GetValueOrDefault(d) ?? new Day(d, 0, 0))];
        var max = axis.Max(d => d.Started);
        var top = Top(max);
        var width = axis.Count * 10;
        var columns = axis.Select((d, i) => Markup.Of($"""
            <g><title>{Format.Date(d.Date)}: {Format.Count(d.Started, "inició", "iniciaron")}, {Format.Count(d.Completed, "completó", "completaron")}</title><rect class="started" x="{(i * 10) + 1}" y="{Y(d.Started, top)}" width="8" height="{H(d.Started, top)}"/><rect class="completed" x="{(i * 10) + 1}" y="{Y(d.Completed, top)}" width="8" height="{H(d.Completed, top)}"/></g>
            """));
        var every = Every(axis.Count);
        var labels = axis.Select((d, i) => Markup.Of($"""<span>{(i % every == 0 ? Label(d.Date, i == 0 || d.Date.AddDays(-every).Year != d.Date.Year) : "")}</span>"""));
        var summary = $"{caption}: {Format.Count(axis.Count, "día", "días")}, del {Format.Date(first)} al {Format.Date(last)}; máximo {Format.Count(max)} inicios en un día.";
        var rows = axis.Select(d => Markup.Of($"""<tr><th scope="row">{Format.Date(d.Date)}</th><td class="num">{Format.Count(d.Started)}</td><td class="num">{Format.Count(d.Completed)}</td><td class="num">{Format.Percent(d.Completed, d.Started)}</td></tr>"""));
        return Markup.Of($"""
            <figure class="days">
            <figcaption>{caption}</figcaption>
            <p class="legend-line"><span class="key started"></span> iniciaron <span class="key completed"></span> completaron</p>
            <div class="chart">
            <div class="y-axis" aria-hidden="true"><span>{Format.Count(top)}</span><span>{Format.Count(top / 2)}</span><span>0</span></div>
            <svg class="day-chart" viewBox="0 0 {width} 100" preserveAspectRatio="none" role="img" aria-label="{summary}"><line class="grid" x1="0" x2="{width}" y1="0.5" y2="0.5" vector-effect="non-scaling-stroke"/><line class="grid" x1="0" x2="{width}" y1="50" y2="50" vector-effect="non-scaling-stroke"/>{columns}</svg>
            <div class="x-axis" aria-hidden="true">{labels}</div>
            </div>
            <details><summary>Tabla por día</summary>
            <div class="scroll"><table><thead><tr><th scope="col">Día</th><th scope="col" class="num">Iniciaron</th><th scope="col" class="num">Completaron</th><th scope="col" class="num">Tasa</th></tr></thead><tbody>{rows}</tbody></table></div>
            </details>
            </figure>
            """);
    }

    /// <summary>The scale's top: the first of 2, 4, 6, 8, 10 × 10ⁿ at or above the highest column (even, so its half is whole).</summary>
    public static long Top(long max)
    {
        for (long power = 1; ; power *= 10)
        {
            foreach (var step in new long[] { 2, 4, 6, 8, 10 })
            {
                if (step * power >= max)
                {
                    return step * power;
                }
            }
        }
    }

    /// <summary>A label every day for a week or two, then weekly, then whatever keeps about eight labels.</summary>
    private static int Every(int days) => days switch
    {
        <= 8 => 1,
        <= 16 => 2,
        <= 63 => 7,
        _ => (days + 7) / 8,
    };

    /// <summary>The first label and the first of each new year carry the year.</summary>
    private static string Label(DateOnly day, bool withYear) => withYear ? Format.Date(day) : Format.ShortDate(day);

    private static string H(long value, long top) => (100.0 * value / top).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Y(long value, long top) => (100 - (100.0 * value / top)).ToString("0.##", CultureInfo.InvariantCulture);
}
