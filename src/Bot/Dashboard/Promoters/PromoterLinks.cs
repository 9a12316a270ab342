using ChatSurvey.Bot.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>
/// A promoter's links, each carrying its code: Telegram's deep link (https://t.me/&lt;bot&gt;?start=&lt;code&gt;), WhatsApp's
/// wa.me link and an SMS link whose prefilled text is the one the Twilio channel reads the code from
/// (<see cref="WhatsAppLink.Prefilled"/>), and the web chat (/?ref=&lt;code&gt;). A channel that is not configured has no link.
/// </summary>
public sealed class PromoterLinks(IConfiguration configuration, IOptions<DashboardOptions> options)
{
    public IReadOnlyList<PromoterLink> For(string code, HttpRequest request)
    {
        var links = new List<PromoterLink>();
        if (configuration["Twilio:WhatsAppFrom"] is { Length: > 0 } whatsApp)
        {
            var number = whatsApp.Replace("whatsapp:", "", StringComparison.OrdinalIgnoreCase);
            links.Add(new("whatsapp", "WhatsApp", WhatsAppLink.For(whatsApp, code), "Abre WhatsApp con el mensaje listo: solo hay que enviarlo.", $"o escribe al WhatsApp {number}: «{WhatsAppLink.Prefilled(code)}»"));
        }

        if (configuration["Telegram:BotUsername"] is { Length: > 0 } bot)
        {
            var url = new Uri($"https://t.me/{Uri.EscapeDataString(bot)}?start={code}");
            links.Add(new("telegram", "Telegram", url, "Abre el bot en Telegram: pulsa «Iniciar».", url.AbsoluteUri.Replace("https://", "", StringComparison.Ordinal)));
        }

        if (configuration["Twilio:SmsFrom"] is { Length: > 0 } sms)
        {
            // RFC 5724: sms:<number>?body=<text>. The code is read from the text, as in WhatsApp.
            var text = $"Sin internet: envía un SMS al {sms} con el texto «{WhatsAppLink.Prefilled(code)}».";
            links.Add(new("sms", "SMS", new Uri($"sms:{sms}?body={Uri.EscapeDataString(WhatsAppLink.Prefilled(code))}"), text, text));
        }

        var web = new Uri(BaseUrl(request), $"?ref={code}");
        links.Add(new("web", "Chat web", web, "Abre la encuesta en el navegador, sin cuentas ni aplicaciones.", web.AbsoluteUri));
        return links;
    }

    /// <summary>The configured public address; the address the request came to only in Development (outside it,
    /// startup requires Dashboard:PublicBaseUrl), since a Host header is the client's to choose.</summary>
    private Uri BaseUrl(HttpRequest request) => options.Value.PublicBaseUrl is { Length: > 0 } configured
        ? new Uri(configured.TrimEnd('/') + "/")
        : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
