using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Languages;

/// <summary>
/// The languages a survey is held in, each with its complete bot texts and its vocabulary. A text a language lacks
/// (in its pack or in the survey file) is taken from the default language and named in <see cref="Warnings"/>; only the
/// default language must be complete, since nothing stands behind it.
/// </summary>
public sealed class LanguageSet
{
    private LanguageSet(IReadOnlyList<Entry> entries, IReadOnlyList<string> warnings)
    {
        Entries = entries;
        Warnings = warnings;
    }

    /// <summary>One language: its code, its name in itself, its texts, its words and how a phone call speaks it.</summary>
    public sealed record Entry(string Code, string Name, BotTexts Texts, Vocabulary Vocabulary, SpeechSettings Speech);

    /// <summary>In the survey's order of languages, the default one wherever it is listed.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>What startup should log: every missing text per language, and packs no survey language uses.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <exception cref="SurveyDefinitionException">The default language has no pack, or its pack lacks a text.</exception>
    public static LanguageSet Build(SurveyDefinition survey, IReadOnlyList<(LanguagePack Pack, string Source)> packs)
    {
        var warnings = new List<string>();
        var byCode = new Dictionary<string, (LanguagePack Pack, string Source)>(StringComparer.Ordinal);
        foreach (var (pack, source) in packs)
        {
            if (!byCode.TryAdd(pack.Code, (pack, source)))
            {
                throw new SurveyDefinitionException(source, "$.code", $"'{pack.Code}' is also the code of {byCode[pack.Code].Source}");
            }

            if (!survey.Languages.Contains(pack.Code))
            {
                warnings.Add($"{source}: the survey does not list '{pack.Code}' in its languages, so nobody is offered it");
            }
        }

        if (!byCode.TryGetValue(survey.DefaultLanguage, out var defaultPack))
        {
            throw new SurveyDefinitionException($"languages/{survey.DefaultLanguage}.json", "$", $"no language pack for the default language '{survey.DefaultLanguage}'");
        }

        var missingDefaults = BotTexts.Keys.Where(k => !defaultPack.Pack.Texts.ContainsKey(k)).ToList();
        if (missingDefaults.Count > 0)
        {
            throw new SurveyDefinitionException(defaultPack.Source, "$.texts", $"the default language must have every text; missing: {string.Join(", ", missingDefaults)}");
        }

        var entries = new List<Entry>();
        foreach (var code in survey.Languages)
        {
            var pack = byCode.TryGetValue(code, out var found) ? found.Pack : new LanguagePack(code, code, new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), []);
            if (found.Pack is null)
            {
                warnings.Add($"{code}: no language pack (languages/{code}.json); the bot speaks {survey.DefaultLanguage} in that language's conversations");
            }
            else
            {
                var missing = BotTexts.Keys.Where(k => !pack.Texts.ContainsKey(k)).ToList();
                if (missing.Count > 0)
                {
                    warnings.Add($"{found.Source}: {missing.Count} bot texts missing, {survey.DefaultLanguage} used instead: {string.Join(", ", missing)}");
                }
            }

            var missingSurveyTexts = survey.Texts().Where(t => !t.Text.Languages.Contains(code)).Select(t => t.Path).ToList();
            if (missingSurveyTexts.Count > 0 && code != survey.DefaultLanguage)
            {
                warnings.Add($"{code}: {missingSurveyTexts.Count} survey texts missing, {survey.DefaultLanguage} used instead: {string.Join(", ", missingSurveyTexts)}");
            }

            var texts = new Dictionary<string, string>(defaultPack.Pack.Texts);
            foreach (var (key, text) in pack.Texts)
            {
                texts[key] = text;
            }

            var others = byCode.Values.Select(v => v.Pack).Where(p => survey.Languages.Contains(p.Code));
            // A language without speech settings is spoken like the default one (text-to-speech has few indigenous languages).
            var speech = pack.Speech ?? defaultPack.Pack.Speech ?? new SpeechSettings(survey.DefaultLanguage, "");
            entries.Add(new Entry(code, pack.Name, BotTexts.From(texts), new Vocabulary(pack, defaultPack.Pack, others), speech));
        }

        return new LanguageSet(entries, warnings);
    }
}
