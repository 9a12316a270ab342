namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// A horizontal bar chart that is also its own text alternative: a table of label, bar and figures, where the bar is a
/// decorative SVG (hidden from screen readers) and the numbers are text. Labels wrap, so it reads on a 360 px phone.
/// </summary>
public static class BarTable
{
    public sealed record Row(Markup Label, long Value, string Figure, string Kind = "");

    /// <param name="scale">The value a full-width bar stands for (the base of the percentages).</param>
    public static Markup Render(string caption, string valueHeader, IReadOnlyList<Row> rows, long scale) => Markup.Of($"""
        <table class="bars">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Opción</th><th scope="col" class="bar-col"><span class="visually-hidden">Barra</span></th><th scope="col" class="num">{valueHeader}</th></tr></thead>
        <tbody>{rows.Select(r => Markup.Of($"""
            <tr class="{r.Kind}"><th scope="row">{r.Label}</th><td class="bar-col">{Bar(r.Value, scale)}</td><td class="num">{r.Figure}</td></tr>
            """))}</tbody>
        </table>
        """);

    public static Markup Bar(long value, long scale) => Markup.Of(
        $"""<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="10"/><rect class="fill" width="{Format.Share(value, scale)}" height="10"/></svg>""");
}
