using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Tests;

/// <summary>The real survey file, read, parsed and compiled once for the whole test run.</summary>
public static class SurveyFixture
{
    public const string FileName = "surveys/gobierno-abierto-2022.json";

    private static readonly string FileText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, FileName));

    private static readonly Lazy<SurveyDefinition> LazyDefinition = new(() => SurveyLoader.Parse(FileText, FileName));
    private static readonly Lazy<CompiledSurvey> LazySurvey = new(() => new CompiledSurvey(Definition));

    public static string Json => FileText;

    public static SurveyDefinition Definition => LazyDefinition.Value;

    public static CompiledSurvey Survey => LazySurvey.Value;

    public static Question Question(string code) => Definition.Questions[Index(code)];

    public static int Index(string code)
    {
        var index = Definition.IndexOf(code);
        return index >= 0 ? index : throw new ArgumentException($"no question '{code}' in the survey", nameof(code));
    }
}
