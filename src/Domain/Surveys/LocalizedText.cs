namespace ChatSurvey.Domain.Surveys;

/// <summary>A text in the survey's default language plus optional translations keyed by language code.</summary>
public sealed class LocalizedText
{
    private readonly IReadOnlyDictionary<string, string> _byLanguage;

    public LocalizedText(string defaultText, IReadOnlyDictionary<string, string> byLanguage)
    {
        Default = defaultText;
        _byLanguage = byLanguage;
    }

    public string Default { get; }

    public IEnumerable<string> Languages => _byLanguage.Keys;

    /// <summary>The text in <paramref name="language"/>, or the default language's when it has no translation.</summary>
    public string Get(string language) => _byLanguage.TryGetValue(language, out var text) ? text : Default;

    public static LocalizedText Of(string text) => new(text, new Dictionary<string, string>());

    public override string ToString() => Default;
}
