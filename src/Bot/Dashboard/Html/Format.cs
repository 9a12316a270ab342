using System.Globalization;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>Numbers, dates and durations as staff read them, in Mexican Spanish (which writes 1,234.5 like the invariant culture).</summary>
public static class Format
{
    private static readonly string[] Months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"];

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 respuesta", "0 respuestas", "2 respuestas": the noun agrees with the number.</summary>
    public static string Count(long n, string one, string many) => $"{Count(n)} {(n == 1 ? one : many)}";

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

    /// <summary>A configured period in words: "24 h", "30 días", "1 día", "90 min".</summary>
    public static string Period(TimeSpan period) => period switch
    {
        { TotalDays: >= 2 } p when p.TotalDays == Math.Floor(p.TotalDays) => Count((long)p.TotalDays, "día", "días"),
        { TotalHours: >= 1 } p when p.TotalHours == Math.Floor(p.TotalHours) => $"{(long)p.TotalHours} h",
        var p => $"{(long)p.TotalMinutes} min",
    };

    /// <summary>ISO (yyyy-MM-dd): for links, forms and files.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2 nov 2026".</summary>
    public static string Date(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";

    /// <summary>"2 nov": axis labels, where the year is said once.</summary>
    public static string ShortDate(DateOnly day) => $"{day.Day} {Months[day.Month - 1]}";

    /// <summary>"2 nov 2026, 14:05" in the dashboard's offset.</summary>
    public static string Moment(DateTimeOffset at, TimeSpan offset)
    {
        var local = at.ToOffset(offset);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>A bar's length in the 0–100 units of the charts' viewBox.</summary>
    public static string Share(long part, long whole) => (whole <= 0 ? 0 : 100.0 * part / whole).ToString("0.##", CultureInfo.InvariantCulture);
}
