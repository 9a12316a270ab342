namespace ChatSurvey.Bot.Dashboard;

/// <summary>Configuration section "Dashboard".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// The public address of the web chat, for promoters' links and QR codes ("https://encuesta.example.org"). Unset:
    /// the address the admin's browser used, which is right only when staff reach the bot where citizens do.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The offset that days are counted in (by-day charts, date filters). Oaxaca is UTC−6 all year: Mexico ended daylight
    /// saving time in 2022 outside the northern border.
    /// </summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(-6);

    /// <summary>
    /// Silence after which a person still in the survey counts as stopped at their question ("se detuvieron"): the
    /// figure staff watch during a campaign, long before Redis:IdleExpiry ends the conversation as abandoned.
    /// </summary>
    public TimeSpan StoppedAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The open-data package's license (a Frictionless license name) and its URL; see README.</summary>
    public string License { get; set; } = "CC-BY-4.0";

    public string LicenseUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    public string LicenseTitle { get; set; } = "Creative Commons Atribución 4.0 Internacional";
}
