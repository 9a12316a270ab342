using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Dashboard;

/// <summary>
/// Free texts are what people typed, and some type a phone number ("llámenme al 951 123 4567"). Runs of 8 or more
/// digits (with spaces, dots, dashes or brackets between them) are replaced on every page and in every export, so a
/// number never leaves the database through the dashboard. Years, amounts and street numbers are shorter and stay.
/// </summary>
public static partial class TextRedaction
{
    public const string Replacement = "[número oculto]";

    public static string Apply(string text) => PhoneLike().Replace(text, Replacement);

    [GeneratedRegex(@"\+?\(?\d(?:[\s.\-()]{0,2}\d){7,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneLike();
}
