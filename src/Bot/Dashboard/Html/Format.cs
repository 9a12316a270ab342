using System.Globalization;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>Numbers as staff read them (Mexican Spanish writes 1,234.5 like the invariant culture).</summary>
public static class Format
{
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Percent(long part, long whole) => Percent(whole == 0 ? null : (double)part / whole);

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalHours: >= 1 } d => $"{(int)d.TotalHours} h {d.Minutes} min",
        // Decimal minutes keep the card's figure short enough for one line on a phone.
        { TotalMinutes: >= 1 } d => d.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
        { } d => $"{(int)d.TotalSeconds} s",
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A bar's length in the 0–100 units of the charts' viewBox.</summary>
    public static string Share(long part, long whole) => (whole <= 0 ? 0 : 100.0 * part / whole).ToString("0.##", CultureInfo.InvariantCulture);
}
