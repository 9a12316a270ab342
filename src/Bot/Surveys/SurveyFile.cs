using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Surveys;

/// <summary>
/// Reads the survey definition and its language packs (<c>languages/*.json</c> beside it) at startup; a missing or
/// invalid file stops the host with a message naming it. Texts a language lacks are in <see cref="CompiledSurvey.Warnings"/>.
/// </summary>
public static class SurveyFile
{
    /// <summary>The folder beside the survey file that holds one pack per language, named by its code.</summary>
    public const string LanguagesFolder = "languages";

    public static CompiledSurvey Load(SurveyOptions options)
    {
        var path = Resolve(options.Path);
        return new CompiledSurvey(Read(path), Packs(path), options.ResumePromptAfter, options.OneResponsePerPerson);
    }

    /// <summary>The survey file, parsed and validated.</summary>
    public static SurveyDefinition Read(string path) => SurveyLoader.Parse(Text(path), path);

    /// <summary>The file's text, as <see cref="SurveyArchive"/> keeps it.</summary>
    public static string Text(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new SurveyDefinitionException(path, "$", "file not found (set Survey:Path)");

    /// <summary>Every pack in the languages folder beside <paramref name="surveyPath"/>, parsed and validated.</summary>
    public static List<(LanguagePack Pack, string Source)> Packs(string surveyPath)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(surveyPath))!, LanguagesFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(file => (LanguagePackLoader.Parse(File.ReadAllText(file), file), file))];
    }

    /// <summary>A relative path is looked up next to the app, then in the working folder.</summary>
    public static string Resolve(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var besideApp = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideApp) ? besideApp : System.IO.Path.GetFullPath(path);
    }
}
