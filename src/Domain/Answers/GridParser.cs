namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Grid rows: one rating ("B", "bueno", "2") for the current row, or several at once for the rows left
/// ("B R M B E", "b,r,m", or even "BRMBE").
/// </summary>
public static class GridParser
{
    /// <summary>One-character strings for ASCII, so that "B R M B E" allocates no string per rating.</summary>
    private static readonly string[] OneCharacter = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    public static ParseResult<List<int>> Parse(string normalized, OptionIndex scale, int rowsLeft)
    {
        if (normalized.Length == 0)
        {
            return ParseResult<List<int>>.Invalid(Rejection.Empty);
        }

        var single = scale.Match(normalized);
        if (single.IsOk)
        {
            return ParseResult<List<int>>.Ok([single.Value]);
        }

        var tokens = Tokens(normalized);
        if (tokens.Length == 1 && tokens[0].Length > 1 && tokens[0].Length <= rowsLeft && AllAsciiLetters(tokens[0]))
        {
            var letters = tokens[0];
            tokens = new string[letters.Length];
            for (var i = 0; i < letters.Length; i++)
            {
                tokens[i] = OneCharacter[letters[i]];
            }
        }

        if (tokens.Length > rowsLeft)
        {
            return ParseResult<List<int>>.Invalid(Rejection.TooMany);
        }

        var ratings = new List<int>(tokens.Length);
        foreach (var token in tokens)
        {
            var match = scale.Match(token);
            if (!match.IsOk)
            {
                return ParseResult<List<int>>.Invalid(tokens.Length == 1 ? single.Rejection : match.Rejection);
            }

            ratings.Add(match.Value);
        }

        return ParseResult<List<int>>.Ok(ratings);
    }

    /// <summary>As <c>Split([' ', ',', ';', '-', '/'], RemoveEmptyEntries)</c>, with shared one-character strings.</summary>
    private static string[] Tokens(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSeparator(text[i]) && (i == 0 || IsSeparator(text[i - 1])))
            {
                count++;
            }
        }

        var tokens = count == 0 ? [] : new string[count];
        var found = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || IsSeparator(text[i]);
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                tokens[found++] = i - start == 1 && text[start] < OneCharacter.Length ? OneCharacter[text[start]] : text[start..i];
                start = -1;
            }
        }

        return tokens;
    }

    private static bool IsSeparator(char c) => c is ' ' or ',' or ';' or '-' or '/';

    private static bool AllAsciiLetters(string token)
    {
        foreach (var c in token)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
