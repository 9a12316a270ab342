namespace ChatSurvey.Domain.Answers;

/// <summary>"si", "sí", "s", "claro", "1", "yes" → true; "no", "n", "2", "nel" → false; "sí, claro" by its first word.</summary>
public static class YesNoParser
{
    private static readonly HashSet<string> YesWords = ["si", "s", "1", "claro", "yes", "y", "sip", "simon", "ok", "okay", "acepto", "de acuerdo", "por supuesto", "va", "sale", "afirmativo"];
    private static readonly HashSet<string> NoWords = ["no", "n", "2", "nop", "nel", "nope", "nunca", "negativo", "no acepto"];

    public static ParseResult<bool> Parse(string normalized)
    {
        if (normalized.Length == 0)
        {
            return ParseResult<bool>.Invalid(Rejection.Empty);
        }

        if (YesWords.Contains(normalized))
        {
            return ParseResult<bool>.Ok(true);
        }

        if (NoWords.Contains(normalized))
        {
            return ParseResult<bool>.Ok(false);
        }

        // "no sé" is not a no.
        if (normalized.StartsWith("no se", StringComparison.Ordinal) || normalized.StartsWith("nose", StringComparison.Ordinal) || normalized.StartsWith("no lo se", StringComparison.Ordinal))
        {
            return ParseResult<bool>.Invalid(Rejection.NotUnderstood);
        }

        var space = normalized.IndexOfAny([' ', ',']);
        var first = space < 0 ? normalized : normalized[..space];
        return first is "si" or "claro" or "yes" ? ParseResult<bool>.Ok(true)
            : first is "no" ? ParseResult<bool>.Ok(false)
            : ParseResult<bool>.Invalid(Rejection.NotUnderstood);
    }
}
