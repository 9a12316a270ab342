using System.Globalization;
using System.Text;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// The GSM 03.38 alphabet (3GPP TS 23.038) that SMS carries in 7 bits. Note that ¿ ¡ é ñ ü are in its basic table,
/// while á í ó ú are not: "¿Qué?" costs nothing extra, "Televisión" turns the whole message into UCS-2.
/// </summary>
public static class Gsm7
{
    // ESC (0x1B) is left out: it only introduces the extension table.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>Characters sent as ESC + code: two septets each.</summary>
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['“'] = "\"", ['”'] = "\"", ['„'] = "\"", ['«'] = "\"", ['»'] = "\"",
        ['‘'] = "'", ['’'] = "'", ['‚'] = "'", ['´'] = "'", ['`'] = "'",
        ['–'] = "-", ['—'] = "-", ['‐'] = "-", ['…'] = "...", ['•'] = "-", ['·'] = "-",
        ['↳'] = ">", ['→'] = "->", ['\u00A0'] = " ", ['\t'] = " ", ['ç'] = "c",
    };

    /// <summary>Septets the character takes in GSM-7: 1, 2 (extension table) or 0 when it cannot be sent in GSM-7.</summary>
    public static int Septets(char c) => Basic.Contains(c, StringComparison.Ordinal) ? 1 : Extension.Contains(c, StringComparison.Ordinal) ? 2 : 0;

    public static bool CanEncode(string text) => text.All(c => Septets(c) > 0);

    /// <summary>
    /// A GSM-7 rendering of <paramref name="text"/> for SMS: letters outside the alphabet lose their accent (á→a, Í→I),
    /// typographic quotes and dashes become plain ones, anything else (emoji) is dropped. Letters the alphabet has
    /// (é, ñ, ü, ¿, ¡) are kept, since they cost one septet like any other.
    /// </summary>
    public static string Transliterate(string text)
    {
        if (CanEncode(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Septets(c) > 0)
            {
                builder.Append(c);
            }
            else if (Replacements.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(BaseLetter(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The letter without its accent when that is in the alphabet ("ó" → "o"); nothing otherwise.</summary>
    private static string BaseLetter(char c)
    {
        if (char.IsSurrogate(c))
        {
            return "";
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var letter = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
        return letter.Length == 1 && Septets(letter[0]) > 0 ? letter[0].ToString() : "";
    }
}
