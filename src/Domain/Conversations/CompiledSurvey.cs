using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// A survey ready for the engine: prompts, choices and option indexes built once per language, so that a turn
/// only looks things up.
/// </summary>
public sealed class CompiledSurvey
{
    private readonly Dictionary<string, QuestionPrompts[]> _prompts = [];
    private readonly Dictionary<string, string> _consentTexts = [];

    public CompiledSurvey(SurveyDefinition definition, TimeSpan? resumePromptAfter = null, bool oneResponsePerPerson = true)
    {
        Definition = definition;
        ResumePromptAfter = resumePromptAfter ?? TimeSpan.FromHours(12);
        OneResponsePerPerson = oneResponsePerPerson;
        Options = [.. definition.Questions.Select(q => new OptionIndex(q.Options))];
        Conditions = [.. definition.Questions.Select(q => q.When is null ? (-1, -1) : ConditionOf(definition, q.When))];
        foreach (var language in definition.Languages.Union(["es", "en"]))
        {
            var texts = BotTexts.For(language);
            _prompts[language] = [.. definition.Questions.Select(q => new QuestionPrompts(definition, q, texts, language))];
            _consentTexts[language] = ComposeConsentText(definition, language);
        }
    }

    public SurveyDefinition Definition { get; }

    /// <summary>After this much silence, a returning person is asked "¿continuar o empezar de nuevo?".</summary>
    public TimeSpan ResumePromptAfter { get; }

    /// <summary>When false, a person who finished may start the survey again by writing.</summary>
    public bool OneResponsePerPerson { get; }

    public IReadOnlyList<Question> Questions => Definition.Questions;

    internal OptionIndex[] Options { get; }

    /// <summary>For each follow-up, the index of the question it depends on and the option index that triggers it.</summary>
    internal (int Question, int Option)[] Conditions { get; }

    internal QuestionPrompts Prompts(int question, string language) =>
        (_prompts.TryGetValue(language, out var prompts) ? prompts : _prompts[Definition.DefaultLanguage])[question];

    /// <summary>The welcome, the privacy notice and the language hint: the consent question, built once per language.</summary>
    internal string ConsentText(string language) =>
        _consentTexts.TryGetValue(language, out var text) ? text : ComposeConsentText(Definition, language);

    private static string ComposeConsentText(SurveyDefinition definition, string language)
    {
        var texts = BotTexts.For(language);
        return $"{texts.Welcome}\n\n{definition.Privacy.Get(language)}\n{texts.LanguageHint}";
    }

    /// <summary>Languages a person can switch to: the survey's, where the bot also speaks them.</summary>
    public bool Speaks(string language) => _prompts.ContainsKey(language);

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
