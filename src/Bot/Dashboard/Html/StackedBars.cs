using System.Globalization;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// Grid questions: one stacked bar per row, a segment per point of the scale (Excelente … Pésimo), a legend, and the
/// full table of counts and percentages as the text alternative.
/// </summary>
public static class StackedBars
{
    public sealed record Row(string Label, IReadOnlyList<long> Counts)
    {
        public long Total => Counts.Sum();
    }

    public static Markup Render(string caption, IReadOnlyList<string> scale, IReadOnlyList<Row> rows)
    {
        var legend = scale.Select((label, i) => Markup.Of($"""<li><svg viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="s{i}" width="10" height="10"/></svg>{label}</li>"""));
        var bars = rows.Select(row => Markup.Of($"""
            <li><span class="stack-label">{row.Label}</span>{Stack(row, scale)}</li>
            """));
        var header = scale.Select(label => Markup.Of($"""<th scope="col" class="num">{label}</th>"""));
        var table = rows.Select(row => Markup.Of($"""
            <tr><th scope="row">{row.Label}</th>{row.Counts.Select(c => Markup.Of($"""<td class="num">{Format.Count(c)} ({Format.Percent(c, row.Total)})</td>"""))}<td class="num">{Format.Count(row.Total)}</td></tr>
            """));
        return Markup.Of($"""
            <figure class="stacked">
            <figcaption class="visually-hidden">{caption}</figcaption>
            <ul class="legend" aria-hidden="true">{legend}</ul>
            <ul class="stacks" aria-hidden="true">{bars}</ul>
            <details><summary>Tabla de {caption}</summary>
            <div class="scroll"><table><thead><tr><th scope="col">Rubro</th>{header}<th scope="col" class="num">Total</th></tr></thead><tbody>{table}</tbody></table></div>
            </details>
            </figure>
            """);
    }

    private static Markup Stack(Row row, IReadOnlyList<string> scale)
    {
        var x = 0.0;
        var segments = new List<Markup>();
        for (var i = 0; i < row.Counts.Count; i++)
        {
            var width = row.Total == 0 ? 0 : 100.0 * row.Counts[i] / row.Total;
            segments.Add(Markup.Of($"""<rect class="s{i}" x="{x.ToString("0.##", CultureInfo.InvariantCulture)}" width="{width.ToString("0.##", CultureInfo.InvariantCulture)}" height="10"><title>{scale[i]}: {Format.Count(row.Counts[i])} ({Format.Percent(row.Counts[i], row.Total)})</title></rect>"""));
            x += width;
        }

        return Markup.Of($"""<svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">{segments}</svg>""");
    }
}
