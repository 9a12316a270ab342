using System.Globalization;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// Columns by day: people who started (light) with those who completed (dark) in front. The SVG carries a summary as
/// its accessible name; the table under it has every day's figures.
/// </summary>
public static class DayChart
{
    public sealed record Day(DateOnly Date, long Started, long Completed);

    public static Markup Render(string caption, IReadOnlyList<Day> days)
    {
        if (days.Count == 0)
        {
            return Markup.Of($"""<figure class="days"><figcaption>{caption}</figcaption><p>Sin datos en este periodo.</p></figure>""");
        }

        var max = Math.Max(1, days.Max(d => d.Started));
        var width = days.Count * 10;
        var columns = days.Select((d, i) => Markup.Of($"""
            <g><title>{Format.Day(d.Date)}: {Format.Count(d.Started)} iniciaron, {Format.Count(d.Completed)} completaron</title><rect class="started" x="{(i * 10) + 1}" y="{Y(d.Started, max)}" width="8" height="{H(d.Started, max)}"/><rect class="completed" x="{(i * 10) + 1}" y="{Y(d.Completed, max)}" width="8" height="{H(d.Completed, max)}"/></g>
            """));
        var summary = $"{caption}: {days.Count} días, de {Format.Day(days[0].Date)} a {Format.Day(days[^1].Date)}; máximo {Format.Count(max)} inicios en un día.";
        var rows = days.Select(d => Markup.Of($"""<tr><th scope="row">{Format.Day(d.Date)}</th><td class="num">{Format.Count(d.Started)}</td><td class="num">{Format.Count(d.Completed)}</td><td class="num">{Format.Percent(d.Completed, d.Started)}</td></tr>"""));
        return Markup.Of($"""
            <figure class="days">
            <figcaption>{caption}</figcaption>
            <p class="legend-line"><span class="key started"></span> iniciaron <span class="key completed"></span> completaron · máximo {Format.Count(max)}</p>
            <svg class="day-chart" viewBox="0 0 {width} 100" preserveAspectRatio="none" role="img" aria-label="{summary}">{columns}</svg>
            <p class="axis"><span>{Format.Day(days[0].Date)}</span><span>{Format.Day(days[^1].Date)}</span></p>
            <details><summary>Tabla por día</summary>
            <div class="scroll"><table><thead><tr><th scope="col">Día</th><th scope="col" class="num">Iniciaron</th><th scope="col" class="num">Completaron</th><th scope="col" class="num">Tasa</th></tr></thead><tbody>{rows}</tbody></table></div>
            </details>
            </figure>
            """);
    }

    private static string H(long value, long max) => (100.0 * value / max).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Y(long value, long max) => (100 - (100.0 * value / max)).ToString("0.##", CultureInfo.InvariantCulture);
}
