namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Grid rows: one rating ("B", "bueno", "2") for the current row, or several at once for the rows left
/// ("B R M B E", "b,r,m", or even "BRMBE").
/// </summary>
public static class GridParser
{
    private static readonly char[] Separators = [' ', ',', ';', '-', '/'];

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

        var tokens = normalized.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 1 && tokens[0].Length > 1 && tokens[0].Length <= rowsLeft && tokens[0].All(char.IsAsciiLetter))
        {
            tokens = [.. tokens[0].Select(c => c.ToString())];
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
}
