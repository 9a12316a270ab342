using System.Text.Json;
using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Languages;

/// <summary>
/// Parses and validates a language pack. A fault stops startup as a <see cref="SurveyDefinitionException"/> naming the
/// file, the JSON path and what is wrong; a text that is simply missing is not a fault (see <see cref="LanguageSet"/>).
/// </summary>
public static class LanguagePackLoader
{
    /// <summary>The word lists a pack may hold; what each means is in <c>surveys/language.schema.json</c>.</summary>
    public static readonly IReadOnlyList<string> WordKeys =
    [
        "yes", "no", "unsure", "help", "back", "status", "restart", "cancel", "delete", "skip", "language", "switch",
        "send", "change", "continue", "startOver", "keep", "call", "and", "numberPrefixes", "endings",
    ];

    public static LanguagePack Parse(string json, string source)
    {
        using (var document = SurveyReader.ParseDocument(json, source))
        {
            return Read(document.RootElement, new SurveyReader(source, "", []));
        }
    }

    private static LanguagePack Read(JsonElement root, SurveyReader reader)
    {
        reader.OnlyProperties(root, "$", "$schema", "code", "name", "speech", "texts", "words");
        var code = reader.String(root, "code", "$");
        if (!LanguageCode.IsValid(code))
        {
            throw reader.Fail("$.code", $"'{code}' is not a language code such as \"es\", \"zap\" or \"mix-ote\"");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("texts", out var textsElement))
        {
            reader.OnlyProperties(textsElement, "$.texts", [.. BotTexts.Keys]);
            foreach (var text in textsElement.EnumerateObject())
            {
                var value = reader.String(textsElement, text.Name, "$.texts");
                CheckPlaceholders(reader, value, $"$.texts.{text.Name}");
                texts[text.Name] = value;
            }
        }

        var words = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<IReadOnlyList<string>> numbers = [];
        if (root.TryGetProperty("words", out var wordsElement))
        {
            reader.OnlyProperties(wordsElement, "$.words", [.. WordKeys, "numbers"]);
            foreach (var key in WordKeys)
            {
                words[key] = Normalized(reader.Strings(wordsElement, key, "$.words"));
            }

            var numberLists = reader.Array(wordsElement, "numbers", "$.words", required: false);
            numbers = [.. numberLists.Select((list, i) => Normalized(reader.StringItems(list, $"$.words.numbers[{i}]")))];
        }

        return new LanguagePack(code, reader.String(root, "name", "$"), texts, words, numbers, Speech(root, reader));
    }

    private static SpeechSettings? Speech(JsonElement root, SurveyReader reader)
    {
        if (!root.TryGetProperty("speech", out var speech))
        {
            return null;
        }

        reader.OnlyProperties(speech, "$.speech", "language", "voice");
        var language = reader.String(speech, "language", "$.speech");
        if (!LanguageCode.IsValid(language))
        {
            throw reader.Fail("$.speech.language", $"'{language}' is not a language tag such as \"es-MX\"");
        }

        return new SpeechSettings(language, speech.TryGetProperty("voice", out _) ? reader.String(speech, "voice", "$.speech") : "");
    }

    /// <summary>Words are compared with what people type after <see cref="TextNormalizer.Normalize"/>, so they are kept that way.</summary>
    private static List<string> Normalized(IEnumerable<string> words) =>
        [.. words.Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Distinct()];

    /// <summary>A translation with a broken placeholder would fail when sent; it fails here instead.</summary>
    private static void CheckPlaceholders(SurveyReader reader, string text, string path)
    {
        try
        {
            _ = string.Format(null, text, "1", "2", "3");
        }
        catch (FormatException)
        {
            throw reader.Fail(path, "has a placeholder other than {0}, {1} or {2}, or a lone '{' or '}' (write '{{' or '}}')");
        }
    }
}
