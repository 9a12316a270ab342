using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>A promoter's private page (/p/&lt;token&gt;): its counts by day, its links and poster. Counts only, never people.</summary>
public static class PromoterStatsPage
{
    public static IResult Render(Promoter promoter, IReadOnlyList<DayCounts> days, IReadOnlyList<PromoterLink> links, string token)
    {
        var totals = days.Aggregate(StatusCounts.Zero, (sum, d) => sum.Plus(d.Counts));
        var body = Markup.Of($"""
            <header class="top"><span class="brand">Gobierno Abierto Oaxaca · Tus resultados</span></header>
            <main>
            <h1>{promoter.Name}</h1>
            <p class="lead">{promoter.Organisation} · personas que llegaron a la encuesta por tus enlaces (código <code>{promoter.Code}</code>).</p>
            <dl class="cards">
            <div class="card"><dt>Iniciaron</dt><dd><span class="big">{Format.Count(totals.Started)}</span></dd></div>
            <div class="card"><dt>Completaron</dt><dd><span class="big">{Format.Count(totals.Completed)}</span></dd></div>
            <div class="card"><dt>Tasa de finalización</dt><dd><span class="big">{Format.Percent(totals.CompletionRate)}</span></dd></div>
            </dl>
            {DayChart.Render("Personas por día de inicio", [.. days.Select(d => new DayChart.Day(d.Day, d.Counts.Started, d.Counts.Completed))])}
            <h2>Tus enlaces</h2>
            <p><a class="button" href="/p/{token}/poster">Cartel para imprimir</a></p>
            {PromoterPage.LinkCards(links, $"/p/{token}/qr/")}
            <p class="fine">Esta página es privada: no compartas su dirección. Si se difundió, pide al Secretariado un enlace nuevo.</p>
            </main>
            """);
        return Layout.Bare($"Resultados de {promoter.Name}", body);
    }
}
