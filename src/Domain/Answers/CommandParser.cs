namespace ChatSurvey.Domain.Answers;

/// <summary>Recognizes the words that always work, in Spanish and English, with or without a leading '/'.</summary>
public static class CommandParser
{
    private static readonly Dictionary<string, Command> Words = new()
    {
        ["ayuda"] = Command.Help, ["help"] = Command.Help, ["?"] = Command.Help, ["menu"] = Command.Help,
        ["atras"] = Command.Back, ["back"] = Command.Back, ["regresar"] = Command.Back, ["volver"] = Command.Back, ["anterior"] = Command.Back,
        ["estado"] = Command.Status, ["status"] = Command.Status, ["progreso"] = Command.Status,
        ["reiniciar"] = Command.Restart, ["restart"] = Command.Restart, ["empezar de nuevo"] = Command.Restart, ["start over"] = Command.Restart,
        ["cancelar"] = Command.Cancel, ["cancel"] = Command.Cancel, ["salir"] = Command.Cancel,
        ["borrar"] = Command.Delete, ["delete"] = Command.Delete, ["borrar mis datos"] = Command.Delete, ["delete my data"] = Command.Delete,
        ["saltar"] = Command.Skip, ["omitir"] = Command.Skip, ["skip"] = Command.Skip, ["paso"] = Command.Skip,
        ["espanol"] = Command.Spanish, ["spanish"] = Command.Spanish, ["en espanol"] = Command.Spanish,
        ["english"] = Command.English, ["ingles"] = Command.English, ["en ingles"] = Command.English, ["in english"] = Command.English,
    };

    /// <param name="normalized">Text already passed through <see cref="TextNormalizer.Normalize"/>.</param>
    public static Command Parse(string normalized)
    {
        var word = normalized.StartsWith('/') ? normalized[1..] : normalized;
        return Words.GetValueOrDefault(word, Command.None);
    }

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
