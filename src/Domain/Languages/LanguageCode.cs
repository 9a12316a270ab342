namespace ChatSurvey.Domain.Languages;

/// <summary>Language codes as the survey file and the packs write them: "es", "en", "zap", "mix-ote".</summary>
public static class LanguageCode
{
    public static bool IsValid(string code)
    {
        var parts = code.Split('-');
        return parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetter) && parts.Skip(1).All(p => p.Length > 0 && p.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>
    /// The language of <paramref name="languages"/> a client's locale names ("es-MX" → "es", "EN" → "en"), or null. An
    /// exact match wins over the primary subtag.
    /// </summary>
    public static string? Find(IEnumerable<string> languages, string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var primary = locale.Split('-', '_')[0];
        string? byPrimary = null;
        foreach (var language in languages)
        {
            if (string.Equals(language, locale, StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }

            byPrimary ??= string.Equals(language, primary, StringComparison.OrdinalIgnoreCase) ? language : null;
        }

        return byPrimary;
    }
}
