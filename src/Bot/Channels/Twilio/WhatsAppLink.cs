using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// A promoter's WhatsApp link: https://wa.me/&lt;number&gt;?text=&lt;prefilled text&gt;. WhatsApp has no start payload, so the
/// code travels in the text the person sends: "Hola, quiero responder la encuesta (código: radio_ixtlan)". People may
/// edit the greeting; the code is found as long as "(código: …)" stays.
/// </summary>
public static partial class WhatsAppLink
{
    public const string PrefilledFormat = "Hola, quiero responder la encuesta (código: {0})";

    private static readonly CompositeFormat Format = CompositeFormat.Parse(PrefilledFormat);

    public static string Prefilled(string code) => string.Format(null, Format, code);

    /// <param name="number">The WhatsApp sender, "whatsapp:+14155238886" or "+14155238886".</param>
    public static Uri For(string number, string code)
    {
        if (!Domain.Conversations.PromoterCode.IsValid(code))
        {
            throw new ArgumentException($"'{code}' is not a promoter code (letters, digits, '_' or '-', up to 64).", nameof(code));
        }

        var digits = number.Replace("whatsapp:", "", StringComparison.OrdinalIgnoreCase).TrimStart('+');
        return new Uri($"https://wa.me/{digits}?text={Uri.EscapeDataString(Prefilled(code))}");
    }

    /// <summary>The promoter code in a message made from a link, "(código: radio_ixtlan)"; also "(codigo: …)" and "(code: …)".</summary>
    public static bool TryParseCode(string? text, [NotNullWhen(true)] out string? code)
    {
        var match = text is null ? Match.Empty : CodePattern().Match(text);
        code = match.Success ? match.Groups[1].Value : null;
        return code is not null;
    }

    [GeneratedRegex(@"\((?:c[oó]digo|code)\s*:\s*([A-Za-z0-9_-]{1,64})\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodePattern();
}
