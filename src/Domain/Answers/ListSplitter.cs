namespace ChatSurvey.Domain.Answers;

/// <summary>Splits a normalized list answer: "1,3", "1 3", "1 y 3", "radio y tele", "1, 3 and 5".</summary>
public static class ListSplitter
{
    private static readonly char[] Separators = [',', ';', '/', '\n', '+', '&'];

    /// <summary>
    /// The items of a list. <paramref name="isName"/> keeps a chunk whole when it names an option by itself,
    /// so that "arte y cultura" stays one topic while "radio y tele" becomes two media.
    /// </summary>
    public static List<string> Split(string normalized, Func<string, bool> isName)
    {
        var items = new List<string>();
        foreach (var chunk in normalized.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (isName(chunk))
            {
                items.Add(chunk);
                continue;
            }

            foreach (var part in SplitConjunctions(chunk))
            {
                // "1 3 5" is three numbers; "redes sociales" is one name.
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 1 && words.All(w => w.All(char.IsAsciiDigit)))
                {
                    items.AddRange(words);
                }
                else if (part.Length > 0)
                {
                    items.Add(part);
                }
            }
        }

        return items;
    }

    private static IEnumerable<string> SplitConjunctions(string chunk)
    {
        var start = 0;
        var words = chunk.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is "y" or "e" or "and")
            {
                yield return string.Join(' ', words[start..i]);
                start = i + 1;
            }
        }

        yield return string.Join(' ', words[start..]);
    }
}
