using System.Text;

namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Folds what people type into a comparable form: lower case, no accents, no zero-width or direction marks,
/// single spaces, no surrounding punctuation. "  ¡Sí!  " and "si" compare equal.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (IsInvisible(raw))
            {
                continue;
            }

            // A list written one item per line reads like one written with commas.
            if (raw == '\n' && builder.Length > 0)
            {
                builder.Append(',');
                pendingSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Fold(raw));
        }

        return TrimPunctuation(builder);
    }

    /// <summary>Removes invisible characters and surrounding white space but keeps case and accents (for free text).</summary>
    public static string Clean(string text)
    {
        var hasInvisible = false;
        foreach (var c in text)
        {
            hasInvisible |= IsInvisible(c);
        }

        if (!hasInvisible)
        {
            return text.Trim();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsInvisible(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Zero-width spaces and joiners, direction marks and overrides, the byte-order mark, soft hyphen.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u00AD' or '\uFEFF' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2069');

    private static char Fold(char c) => c switch
    {
        'á' or 'à' or 'ä' or 'â' or 'ã' or 'Á' or 'À' or 'Ä' or 'Â' or 'Ã' => 'a',
        'é' or 'è' or 'ë' or 'ê' or 'É' or 'È' or 'Ë' or 'Ê' => 'e',
        'í' or 'ì' or 'ï' or 'î' or 'Í' or 'Ì' or 'Ï' or 'Î' => 'i',
        'ó' or 'ò' or 'ö' or 'ô' or 'õ' or 'Ó' or 'Ò' or 'Ö' or 'Ô' or 'Õ' => 'o',
        'ú' or 'ù' or 'ü' or 'û' or 'Ú' or 'Ù' or 'Ü' or 'Û' => 'u',
        'ñ' or 'Ñ' => 'n',
        'ç' or 'Ç' => 'c',
        _ => char.ToLowerInvariant(c),
    };

    private static string TrimPunctuation(StringBuilder builder)
    {
        var start = 0;
        var end = builder.Length;
        while (start < end && IsEdgePunctuation(builder[start]))
        {
            start++;
        }

        while (end > start && IsEdgePunctuation(builder[end - 1]))
        {
            end--;
        }

        return builder.ToString(start, end - start).Trim();
    }

    // '/' is kept: it marks commands such as /start.
    private static bool IsEdgePunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '¡' or '?' or '¿' or '"' or '\'' or '«' or '»' or '“' or '”' or ')' or '(' or '-' or '*';
}
