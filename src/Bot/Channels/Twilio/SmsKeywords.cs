using ChatSurvey.Domain.Answers;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// SMS opt-out and opt-in words. Twilio's own opt-out handling answers these on SMS and blocks further messages to the
/// number (later sends fail with 21610), so ChatSurvey stops quietly: it marks the person unreachable and sends nothing.
/// The list is Twilio's default English words plus the Spanish ones people in Oaxaca write. "cancel" is one of
/// Twilio's, so on SMS it opts out rather than leaving the survey; "cancelar" alone still leaves the survey.
/// </summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> OptOut =
        ["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "baja", "alto", "cancelar suscripcion"];

    private static readonly HashSet<string> OptIn = ["start", "unstop", "alta"];

    /// <param name="optOutType">Twilio's OptOutType parameter (Advanced Opt-Out): STOP, START or HELP.</param>
    public static bool IsOptOut(string body, string? optOutType) =>
        string.Equals(optOutType, "STOP", StringComparison.OrdinalIgnoreCase) || OptOut.Contains(TextNormalizer.Normalize(body));

    public static bool IsOptIn(string body, string? optOutType) =>
        string.Equals(optOutType, "START", StringComparison.OrdinalIgnoreCase) || OptIn.Contains(TextNormalizer.Normalize(body));
}
