namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Telegram's "/start" (with a promoter's code), which every channel accepts. The words that always work ("ayuda",
/// "atrás", …) are each language's, in its pack: see <see cref="Languages.Vocabulary.CommandOf"/>.
/// </summary>
public static class CommandParser
{
    /// <summary>"/start" or "/start CODE" (case of the code kept): the payload, or null when this is not a start.</summary>
    public static bool IsStart(string raw, out string? payload)
    {
        payload = null;
        var text = raw.Trim();
        if (!text.StartsWith("/start", StringComparison.OrdinalIgnoreCase) || (text.Length > 6 && !char.IsWhiteSpace(text[6])))
        {
            return false;
        }

        var rest = text[6..].Trim();
        payload = rest.Length == 0 ? null : rest;
        return true;
    }
}
