namespace ChatSurvey.Domain.Languages;

/// <summary>
/// One language's pack as read from <c>surveys/languages/&lt;code&gt;.json</c>: the bot's own texts and the words people
/// answer with in that language. A pack may leave texts out (the default language's are used, with a warning).
/// </summary>
/// <param name="Name">The language's name in itself ("Español", "English"), shown when people choose a language.</param>
/// <param name="Texts">Bot texts by key (see <see cref="Conversations.BotTexts.Keys"/>).</param>
/// <param name="Words">Word lists by key (see <see cref="LanguagePackLoader.WordKeys"/>), already normalized.</param>
/// <param name="Numbers">Words for 1, 2, 3, … ("uno", "primero"): entry n-1 holds the words for n, normalized.</param>
/// <param name="Speech">How a phone call speaks and hears the language; null when the pack does not say.</param>
public sealed record LanguagePack(
    string Code,
    string Name,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Words,
    IReadOnlyList<IReadOnlyList<string>> Numbers,
    SpeechSettings? Speech = null)
{
    public IReadOnlyList<string> WordsOf(string key) => Words.TryGetValue(key, out var words) ? words : [];
}
