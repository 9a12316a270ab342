using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.Overview;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>An admin's view of one promoter: its links with their QR codes, the poster, and its private stats link.</summary>
public static class PromoterPage
{
    public static Markup Render(HttpContext context, Promoter promoter, IReadOnlyList<PromoterLink> links, Uri statsLink, StatusCounts counts) => Markup.Of($"""
        <h1>{promoter.Name}</h1>
        <p class="lead">{promoter.Organisation} · código <code>{promoter.Code}</code> · {Format.Count(counts.Started, "inició", "iniciaron")}, {Format.Count(counts.Completed, "completó", "completaron")} ({Format.Percent(counts.CompletionRate)}).</p>
        <p><a class="button" href="/staff/promoters/{promoter.Code}/poster">Cartel para imprimir</a></p>
        {LinkCards(links, $"/staff/promoters/{promoter.Code}/qr/")}
        <h2>Página privada de resultados</h2>
        <p>Comparte este enlace solo con el promotor: quien lo tenga ve cuántas personas iniciaron y completaron por sus enlaces (nunca quiénes).</p>
        <p class="link"><a href="{statsLink}">{statsLink}</a></p>
        <form method="post" action="/staff/promoters/{promoter.Code}/token" class="inline">
        {Forms.Antiforgery(context)}
        <button type="submit">Cambiar el enlace privado</button> <span class="hint">(el anterior deja de funcionar)</span>
        </form>
        """);

    /// <summary>Each link with its instructions and QR code (SVG shown, PNG to download).</summary>
    public static Markup LinkCards(IReadOnlyList<PromoterLink> links, string qrBase) => Markup.Of($"""
        <ul class="link-cards">{links.Select(link => Markup.Of($"""
            <li>
            <h2>{link.Channel}</h2>
            <img src="{qrBase}{link.Kind}.svg" width="160" height="160" alt="Código QR de {link.Channel}: {link.Url.AbsoluteUri}">
            <p>{link.Instructions}</p>
            <p class="link"><a href="{link.Url.AbsoluteUri}">{link.Url.AbsoluteUri}</a></p>
            <p><a href="{qrBase}{link.Kind}.png" download="qr-{link.Kind}.png">QR en PNG</a> · <a href="{qrBase}{link.Kind}.svg" download="qr-{link.Kind}.svg">QR en SVG</a></p>
            </li>
            """))}</ul>
        """);
}
