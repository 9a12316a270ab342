using System.Text;

namespace ChatSurvey.Domain.Answers;

/// <summary>
/// What any text from outside must pass before the engine or the database sees it. Control characters (C0, DEL, C1)
/// are removed except newline and tab; a lone carriage return becomes a newline; a lone surrogate (half of an emoji,
/// cut by a client) and the noncharacters U+FFFE and U+FFFF (which normalization refuses) become U+FFFD; the result is in Unicode NFC, so "é" typed as e + accent and as one character
/// compare and store the same. No database refuses what comes out (PostgreSQL refuses NUL and invalid UTF-8).
/// </summary>
public static class TextHygiene
{
    /// <summary>The text cleaned and cut to at most <paramref name="maxLength"/> characters (never inside a surrogate pair).</summary>
    public static string Clean(string text, int maxLength)
    {
        var clean = Clean(text);
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        var cut = maxLength > 0 && char.IsHighSurrogate(clean[maxLength - 1]) ? maxLength - 1 : maxLength;
        return clean[..cut];
    }

    /// <summary>The text cleaned, whatever its length. Text that needs nothing is returned as it is, without copying.</summary>
    public static string Clean(string text)
    {
        var stripped = NeedsStripping(text, out var mayCompose) ? Strip(text) : text;
        // Below U+0300 every character is already in NFC and nothing combines with it, so most text (Spanish, digits)
        // never reaches ICU. Lone surrogates are gone by now, so NFC cannot throw.
        return !mayCompose || stripped.IsNormalized(NormalizationForm.FormC) ? stripped : stripped.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether <paramref name="c"/> is a control character that text keeps (newline, tab) or drops (all others).</summary>
    private static bool IsDroppedControl(char c) => c < ' ' ? c is not ('\n' or '\t') : c is '\u007F' or (>= '\u0080' and <= '\u009F');

    private static bool IsNonCharacter(char c) => c is '\uFFFE' or '\uFFFF';

    private static bool NeedsStripping(string text, out bool mayCompose)
    {
        mayCompose = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            mayCompose |= c >= '\u0300';
            if (IsDroppedControl(c) || IsNonCharacter(c))
            {
                mayCompose = true;
                return true;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // "\r\n" is one line break; a "\r" alone (old phones) is one too.
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    builder.Append('\n');
                }
            }
            else if (IsDroppedControl(c))
            {
                continue;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || IsNonCharacter(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
