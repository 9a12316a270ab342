namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Splits a normalized list answer: "1,3", "1 3", "1 y 3", "radio y tele", "1, 3 and 5" (the conjunctions are the
/// language packs', see <see cref="ListNames.IsConjunction"/>). Linear in the answer's
/// length: a piece is only ever joined with the few that follow it while the join could still be an option's name.
/// </summary>
public static class ListSplitter
{
    private static readonly char[] Separators = [',', ';', '/', '\n', '+', '&'];

    /// <summary>
    /// The items of a list, at most <paramref name="maxItems"/> + 1 (one more tells the caller there were too many).
    /// A chunk that names an option by itself stays whole, so that "arte y cultura" stays one topic while
    /// "radio y tele" becomes two media.
    /// </summary>
    public static List<string> Split(string normalized, ListNames names, int maxItems = int.MaxValue)
    {
        var items = new List<string>();
        foreach (var chunk in normalized.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (items.Count > maxItems)
            {
                break;
            }

            if (chunk.Length <= names.LongestName && names.IsName(chunk))
            {
                items.Add(chunk);
                continue;
            }

            AddConjoined(items, chunk, names, maxItems);
        }

        return items;
    }

    private static bool AllDigits(string[] words)
    {
        foreach (var word in words)
        {
            foreach (var c in word)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Adds the pieces between "y", "e" and "and", except that consecutive pieces that together name an option stay
    /// together: "salud y arte y cultura" is "salud" and "arte y cultura".
    /// </summary>
    private static void AddConjoined(List<string> items, string chunk, ListNames names, int maxItems)
    {
        var words = chunk.Split(' ');
        List<Range>? pieces = null;
        var start = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (names.IsConjunction(words[i]))
            {
                (pieces ??= []).Add(start..i);
                start = i + 1;
            }
        }

        if (pieces is null)
        {
            // No conjunction: the one piece is the chunk itself, already split into words (unless a double space
            // left empty ones, which the part's own split drops).
            AddPart(items, chunk, Array.IndexOf(words, "") < 0 ? words : null);
            return;
        }

        pieces.Add(start..words.Length);
        var first = 0;
        while (first < pieces.Count && items.Count <= maxItems)
        {
            // The longest join tried spans as many pieces as a name can, and no more characters than the longest name.
            var last = Math.Min(pieces.Count, first + names.MostPieces) - 1;
            while (last > first && !IsName(words, pieces[first].Start.Value, pieces[last].End.Value, names))
            {
                last--;
            }

            AddPart(items, Join(words, pieces[first].Start.Value, pieces[last].End.Value), null);
            first = last + 1;
        }
    }

    private static bool IsName(string[] words, int start, int end, ListNames names)
    {
        var length = end - start - 1;
        for (var i = start; i < end && length <= names.LongestName; i++)
        {
            length += words[i].Length;
        }

        return length <= names.LongestName && names.IsName(Join(words, start, end));
    }

    /// <summary>"1 3 5" is three numbers; "redes sociales" is one name.</summary>
    private static void AddPart(List<string> items, string part, string[]? words)
    {
        if (words is null && !part.Contains(' ', StringComparison.Ordinal))
        {
            // One word: nothing to split.
            if (part.Length > 0)
            {
                items.Add(part);
            }

            return;
        }

        words ??= part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && AllDigits(words))
        {
            items.AddRange(words);
        }
        else if (part.Length > 0)
        {
            items.Add(part);
        }
    }

    private static string Join(string[] words, int start, int end) => string.Join(' ', words, start, end - start);
}
