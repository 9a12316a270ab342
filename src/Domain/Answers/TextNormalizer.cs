using System.Buffers;
using System.Text;

namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Folds what people type into a comparable form: lower case, no accents, no zero-width or direction marks,
/// single spaces, no surrounding punctuation. "  ¡Sí!  " and "si" compare equal.
/// </summary>
public static class TextNormalizer
{
    private const int StackLimit = 256;

    public static string Normalize(string text)
    {
        // The result is never longer than the text (one character out per character in, a run of white space to one
        // space), so a stack buffer of the text's length is enough; no StringBuilder, one string at most.
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (IsInvisible(raw))
            {
                continue;
            }

            // A list written one item per line reads like one written with commas.
            if (raw == '\n' && length > 0)
            {
                buffer[length++] = ',';
                pendingSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = Fold(raw);
        }

        var result = TrimPunctuation(buffer[..length]);
        // Text that is already normalized (a button value, "1", "si") is returned as it is.
        var normalized = result.SequenceEqual(text) ? text : new string(result);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return normalized;
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

    private static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsEdgePunctuation(text[start]))
        {
            start++;
        }

        while (end > start && IsEdgePunctuation(text[end - 1]))
        {
            end--;
        }

        return text[start..end].Trim();
    }

    // '/' is kept: it marks commands such as /start.
    private static bool IsEdgePunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '¡' or '?' or '¿' or '"' or '\'' or '«' or '»' or '“' or '”' or ')' or '(' or '-' or '*';
}
