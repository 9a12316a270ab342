namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Free text: invisible characters and surrounding spaces removed; empty, emoji-only (no letter or digit) and
/// over-long texts are rejected so the person can fix them rather than have them cut.
/// </summary>
public static class FreeTextParser
{
    public static ParseResult<string> Parse(string raw, int maxLength)
    {
        var text = TextNormalizer.Clean(raw);
        if (text.Length == 0)
        {
            return ParseResult<string>.Invalid(Rejection.Empty);
        }

        if (text.Length > maxLength)
        {
            return ParseResult<string>.Invalid(Rejection.TooLong);
        }

        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return ParseResult<string>.Ok(text);
            }
        }

        return ParseResult<string>.Invalid(Rejection.NoWords);
    }
}
