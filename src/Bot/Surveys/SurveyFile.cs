using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Surveys;

/// <summary>Reads the survey definition at startup; a missing or invalid file stops the host with a message naming it.</summary>
public static class SurveyFile
{
    public static CompiledSurvey Load(SurveyOptions options)
    {
        var path = Resolve(options.Path);
        if (!File.Exists(path))
        {
            throw new SurveyDefinitionException(path, "$", "file not found (set Survey:Path)");
        }

        var definition = SurveyLoader.Parse(File.ReadAllText(path), path);
        return new CompiledSurvey(definition, options.ResumePromptAfter, options.OneResponsePerPerson);
    }

    private static string Resolve(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var besideApp = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideApp) ? besideApp : System.IO.Path.GetFullPath(path);
    }
}
