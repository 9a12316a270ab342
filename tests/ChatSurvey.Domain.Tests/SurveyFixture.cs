using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Tests;

/// <summary>The real survey file, read, parsed and compiled once for the whole test run.</summary>
public static class SurveyFixture
{
    public const string FileName = "surveys/gobierno-abierto-2022.json";

    private static readonly string FileText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, FileName));

    /// <summary>The shipped language packs, surveys/languages/*.json.</summary>
    public static readonly IReadOnlyList<(LanguagePack Pack, string Source)> Packs =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "surveys", "languages"), "*.json").Order(StringComparer.Ordinal).Select(f => (LanguagePackLoader.Parse(File.ReadAllText(f), f), f))];

    private static readonly Lazy<SurveyDefinition> LazyDefinition = new(() => SurveyLoader.Parse(FileText, FileName));
    private static readonly Lazy<CompiledSurvey> LazySurvey = new(() => new CompiledSurvey(Definition, Packs));


    public static string Json => FileText;

    public static SurveyDefinition Definition => LazyDefinition.Value;

    public static CompiledSurvey Survey => LazySurvey.Value;

    /// <summary>The words of a conversation in Spanish.</summary>
    public static Vocabulary Spanish => Survey.Vocabulary("es");

    public static Question Question(string code) => Definition.Questions[Index(code)];

    public static int Index(string code)
    {
        var index = Definition.IndexOf(code);
        return index >= 0 ? index : throw new ArgumentException($"no question '{code}' in the survey", nameof(code));
    }
}
