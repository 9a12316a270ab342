using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>
/// The printable poster: one A4 page (print CSS) with the survey's purpose, a large QR code for the main channel,
/// smaller ones for the others, the links written out, SMS instructions and who invites. QR images are relative
/// ("qr/web.svg"), so the same page works for admins and from a promoter's private link.
/// </summary>
public static class PosterPage
{
    public static IResult Render(Promoter promoter, IReadOnlyList<PromoterLink> links, CompiledSurvey survey)
    {
        // WhatsApp first: it is what almost everyone in Oaxaca chats on. The web chat is always there as the fallback.
        var main = links.FirstOrDefault(l => l.Kind == "whatsapp") ?? links.FirstOrDefault(l => l.Kind == "telegram") ?? links.First(l => l.Kind == "web");
        var others = links.Where(l => l != main && l.Kind != "sms").Select(l => Markup.Of($"""
            <li><img src="qr/{l.Kind}.svg" alt="Código QR de {l.Channel}: {l.Url.AbsoluteUri}"><div><strong>{l.Channel}</strong><br><span class="link">{l.Display}</span></div></li>
            """));
        var sms = links.FirstOrDefault(l => l.Kind == "sms");
        var body = Markup.Of($"""
            <main class="poster">
            <p class="no-print"><button type="button" data-print>Imprimir</button> Sale en una hoja A4.</p>
            <h1>¡Tu opinión cuenta!</h1>
            <p class="purpose">Responde la encuesta de <strong>Gobierno Abierto de Oaxaca</strong> desde tu celular. Tus respuestas ayudarán a elegir los temas del Plan de Acción Local del Estado: transparencia, participación ciudadana, rendición de cuentas e innovación.</p>
            <figure class="main-qr">
            <img src="qr/{main.Kind}.svg" alt="Código QR de {main.Channel}: {main.Url.AbsoluteUri}">
            <figcaption>Escanea con la cámara para responder por <strong>{main.Channel}</strong><br><span class="link">{main.Display}</span></figcaption>
            </figure>
            {Markup.When(others.Any(), Markup.Of($"""<ul class="other-qr">{others}</ul>"""))}
            {Markup.When(sms is not null, Markup.Of($"""<p class="sms">{sms?.Instructions}</p>"""))}
            <p class="by">Te invita: <strong>{promoter.Name}</strong> · {promoter.Organisation}</p>
            <p class="fine">{survey.Definition.Title.Default}. Secretariado Técnico de Gobierno Abierto del Estado de Oaxaca (STGAO) · OGAIPO. Son 12 preguntas, unos 10 minutos. Tus respuestas se guardan con un seudónimo; escribe «borrar» en cualquier momento para eliminarlas.</p>
            </main>
            """);
        return Layout.Bare($"Cartel · {promoter.Name}", body, bodyClass: "poster-page");
    }
}
