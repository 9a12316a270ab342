using System.Globalization;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// The keys of one prompt on one page. Options take keys 1 to 8, a page at a time; 0 (repeat) and 9 (back) never stand
/// for an option, so they mean the same on every prompt, and * reads the next page of a longer list. Ranked questions
/// list only the options left, so the same key names another topic from one place to the next: what is said is what
/// counts. Before consent, when the survey has exactly two languages, the other one gets the next key, announced in
/// its own language (with more, people choose from a menu first).
/// </summary>
public sealed class VoiceMenu
{
    public const int PageSize = 8;

    private VoiceMenu(IReadOnlyList<VoiceKey> keys, int page, int pages)
    {
        Keys = keys;
        Page = page;
        Pages = pages;
    }

    public IReadOnlyList<VoiceKey> Keys { get; }

    public int Page { get; }

    public int Pages { get; }

    public bool HasMore => Pages > 1;

    /// <summary>The page after this one; the last one leads back to the first.</summary>
    public int NextPage => (Page + 1) % Pages;

    public static VoiceMenu For(Reply prompt, int page, CompiledSurvey survey, string language)
    {
        var choices = prompt.Choices;
        var pages = Math.Max(1, (choices.Count + PageSize - 1) / PageSize);
        page = page < pages ? page : 0;
        var keys = choices.Skip(page * PageSize).Take(PageSize).Select((c, i) => new VoiceKey(Digit(i + 1), c.Value, c.Label)).ToList();
        if (prompt.Prompt == VoicePrompts.Consent && survey.Languages.Count == 2)
        {
            var current = language.Length > 0 ? language : survey.Definition.DefaultLanguage;
            var other = survey.Languages[0] == current ? 1 : 0;
            var code = survey.Languages[other];
            keys.Add(new VoiceKey(Digit(keys.Count + 1), survey.Names[other], survey.Texts(code).VoiceLanguageKey, survey.Speech(code)));
        }

        return new VoiceMenu(keys, page, pages);
    }

    public VoiceKey? Find(char digit) => Keys.FirstOrDefault(k => k.Digit == digit);

    private static char Digit(int n) => n.ToString(CultureInfo.InvariantCulture)[0];
}
