namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// Grid questions: one stacked bar per row, a segment per point of the scale (Excelente … Pésimo) with its percentage
/// written on it, a legend, and the full table of counts and percentages as the text alternative.
/// </summary>
public static class StackedBars
{
    /// <summary>Segments narrower than this many percent carry no number (it would not fit); the table has it.</summary>
    private const int Labelled = 7;

    public sealed record Row(string Label, IReadOnlyList<long> Counts)
    {
        public long Total => Counts.Sum();
    }

    public static Markup Render(string caption, IReadOnlyList<string> scale, IReadOnlyList<Row> rows)
    {
        var legend = scale.Select((label, i) => Markup.Of($"""<li><span class="key s{i}"></span>{label}</li>"""));
        var bars = rows.Select(row => Markup.Of($"""
            <li><span class="stack-label">{row.Label} <span class="n">({Format.Count(row.Total, "respuesta", "respuestas")})</span></span>{Segments(row, scale)}</li>
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

    private static Markup Segments(Row row, IReadOnlyList<string> scale)
    {
        var shares = Widths.Split(row.Counts);
        var segments = row.Counts.Select((count, i) => Markup.Of(
            $"""<span class="seg s{i} w{shares[i]}" title="{scale[i]}: {Format.Count(count)} ({Format.Percent(count, row.Total)})">{(shares[i] >= Labelled ? $"{shares[i]} %" : "")}</span>"""));
        return Markup.Of($"""<span class="segments">{segments}</span>""");
    }
}
