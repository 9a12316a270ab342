using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Languages;

namespace ChatSurvey.Domain.Conversations;

/// <summary>Everything a turn needs in one language, built once: texts, words, prompts, option indexes, the consent.</summary>
internal sealed class CompiledLanguage
{
    public CompiledLanguage(CompiledSurvey survey, LanguageSet.Entry entry, string consentHint)
    {
        var definition = survey.Definition;
        Code = entry.Code;
        Texts = entry.Texts;
        Vocabulary = entry.Vocabulary;
        Speech = entry.Speech;
        Prompts = [.. definition.Questions.Select(q => new QuestionPrompts(definition, q, Texts, Code))];
        Options = [.. definition.Questions.Select(q => new OptionIndex(q.Options, Vocabulary))];
        ConsentText = $"{Texts.Welcome}\n\n{definition.Privacy.Get(Code)}" + (consentHint.Length > 0 ? "\n" + consentHint : "");
    }

    public string Code { get; }

    public BotTexts Texts { get; }

    public Vocabulary Vocabulary { get; }

    public SpeechSettings Speech { get; }

    public QuestionPrompts[] Prompts { get; }

    public OptionIndex[] Options { get; }

    /// <summary>The welcome, the privacy notice and how to change language: the consent question.</summary>
    public string ConsentText { get; }
}
