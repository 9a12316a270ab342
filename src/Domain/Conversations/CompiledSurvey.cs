using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// A survey ready for the engine: prompts, choices and option indexes built once per language, so that a turn
/// only looks things up.
/// </summary>
public sealed class CompiledSurvey
{
    private readonly Dictionary<string, CompiledLanguage> _languages = new(StringComparer.Ordinal);
    private readonly CompiledLanguage _default;

    /// <param name="packs">The language packs with the file each was read from (named in warnings and faults).</param>
    /// <exception cref="SurveyDefinitionException">The default language's pack is missing or incomplete.</exception>
    public CompiledSurvey(SurveyDefinition definition, IReadOnlyList<(LanguagePack Pack, string Source)> packs, TimeSpan? resumePromptAfter = null, bool oneResponsePerPerson = true)
    {
        Definition = definition;
        Tag = TagOf(definition.Id, definition.Version);
        ResumePromptAfter = resumePromptAfter ?? TimeSpan.FromHours(12);
        OneResponsePerPerson = oneResponsePerPerson;
        Conditions = [.. definition.Questions.Select(q => q.When is null ? (-1, -1) : ConditionOf(definition, q.When))];
        var set = LanguageSet.Build(definition, packs);
        Warnings = set.Warnings;
        Names = [.. set.Entries.Select(e => e.Name)];
        OffersLanguageMenu = set.Entries.Count > 2;
        foreach (var entry in set.Entries)
        {
            // Two languages: each invites to the other in the other's own words. More: each says how to see them all.
            var hint = set.Entries.Count switch
            {
                1 => "",
                2 => set.Entries.First(e => e.Code != entry.Code).Texts.LanguageInvitation,
                _ => entry.Texts.LanguageCommandHint,
            };
            _languages[entry.Code] = new CompiledLanguage(this, entry, hint);
        }

        _default = _languages[definition.DefaultLanguage];
        LanguageMenu = string.Join(" / ", set.Entries.Select(e => e.Texts.ChooseLanguage).Distinct());
        LanguageChoices = [.. set.Entries.Select((e, i) => new Choice((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Name))];
    }

    public SurveyDefinition Definition { get; }

    /// <summary>
    /// The survey id and version in 32 bits, kept in every conversation's state (<see cref="ConversationState.Survey"/>)
    /// so it finishes on the version it started on. Never 0, which means "not recorded".
    /// </summary>
    public uint Tag { get; }

    public static uint TagOf(string id, string version)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id}\n{version}"));
        var tag = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash);
        return tag == 0 ? 1 : tag;
    }

    /// <summary>After this much silence, a returning person is asked "¿continuar o empezar de nuevo?".</summary>
    public TimeSpan ResumePromptAfter { get; }

    /// <summary>When false, a person who finished may start the survey again by writing.</summary>
    public bool OneResponsePerPerson { get; }

    public IReadOnlyList<Question> Questions => Definition.Questions;

    /// <summary>The survey's languages, in its order.</summary>
    public IReadOnlyList<string> Languages => Definition.Languages;

    /// <summary>Each language's name in itself ("Español", "English"), in the order of <see cref="Languages"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Texts that fell back to the default language, and packs no survey language uses; startup logs them.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>With more than two languages, a new conversation starts by choosing one (unless the channel said which).</summary>
    public bool OffersLanguageMenu { get; }

    /// <summary>"Elige tu idioma / Choose your language / …": the language menu's text, in every language.</summary>
    internal string LanguageMenu { get; }

    /// <summary>One choice per language, by number and by its name in itself.</summary>
    internal IReadOnlyList<Choice> LanguageChoices { get; }

    /// <summary>For each follow-up, the index of the question it depends on and the option index that triggers it.</summary>
    internal (int Question, int Option)[] Conditions { get; }

    /// <summary>The bot's texts in <paramref name="language"/> (the default language's for one the survey does not have).</summary>
    public BotTexts Texts(string language) => Language(language).Texts;

    /// <summary>The words understood in a conversation held in <paramref name="language"/>.</summary>
    public Vocabulary Vocabulary(string language) => Language(language).Vocabulary;

    /// <summary>How a phone call speaks and hears a conversation held in <paramref name="language"/>.</summary>
    public SpeechSettings Speech(string language) => Language(language).Speech;

    /// <summary>Languages a person can switch to: the survey's.</summary>
    public bool Speaks(string language) => _languages.ContainsKey(language);

    /// <summary>A language's compiled texts; "" (not chosen yet) and unknown codes give the default language.</summary>
    internal CompiledLanguage Language(string language) => _languages.TryGetValue(language, out var compiled) ? compiled : _default;

    private static (int, int) ConditionOf(SurveyDefinition definition, FollowUpCondition when)
    {
        var target = definition.IndexOf(when.Question);
        var question = definition.Questions[target];
        var option = question.Kind == QuestionKind.YesNo
            ? SurveyLoader.YesNoCodes.ToList().IndexOf(when.Option)
            : question.Options.ToList().FindIndex(o => o.Code == when.Option);
        return (target, option);
    }
}
