namespace ChatSurvey.Domain.Surveys;

/// <summary>An option of a choice question, a grid row or a grid scale point.</summary>
/// <param name="Code">Stable code used in storage and exports.</param>
/// <param name="Aliases">
/// Extra words that pick this option, by language ("es": "chido"); the key "" holds those of any language ("E" for
/// Excelente). Every alias is understood in every conversation, as every translation of the option's text is.
/// </param>
/// <param name="IsOther">The "Otro ¿Cuál?" option: choosing it triggers a follow-up asking for text.</param>
public sealed record SurveyOption(string Code, LocalizedText Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases, bool IsOther)
{
    /// <summary>The key of <see cref="Aliases"/> for words of any language.</summary>
    public const string AnyLanguage = "";

    public IEnumerable<string> AllAliases => Aliases.Values.SelectMany(a => a);
}
