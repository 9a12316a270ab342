using System.Text.Json.Nodes;

namespace ChatSurvey.Tests.Common;

/// <summary>
/// The 2022 survey with a third, test-only language (Esperanto, "eo") added the way staff add one, as files only: its
/// code in the survey's languages, its texts beside the others (third-language/survey-texts.json: a few, so that
/// the rest falls back to Spanish), and a pack (third-language/eo.json, also partial) in the languages folder.
/// </summary>
public static class ThirdLanguage
{
    public const string Code = "eo";

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "third-language", name);

    /// <summary>The shipped survey file with Esperanto added.</summary>
    public static string SurveyJson(string shippedSurveyJson)
    {
        var survey = JsonNode.Parse(shippedSurveyJson)!.AsObject();
        survey["languages"]!.AsArray().Add(Code);
        foreach (var (key, text) in JsonNode.Parse(File.ReadAllText(Data("survey-texts.json")))!.AsObject())
        {
            // "privacy", "q4" (a question's text) or "q4.bueno" (an option's).
            var parts = key.Split('.');
            var question = survey["questions"]!.AsArray().FirstOrDefault(q => (string?)q!["code"] == parts[0]);
            var owner = question is null ? survey : parts.Length == 1 ? question : question["options"]!.AsArray().First(o => (string?)o!["code"] == parts[1])!;
            owner[question is null ? key : "text"]![Code] = text!.GetValue<string>();
        }

        return survey.ToJsonString();
    }

    /// <summary>The Esperanto pack, as a file would hold it.</summary>
    public static string PackJson => File.ReadAllText(Data("eo.json"));

    /// <summary>A surveys folder with the survey (Esperanto added) and every pack, shipped and Esperanto; the survey's path.</summary>
    public static string WriteSurveysFolder(string shippedSurveyPath, string folder)
    {
        var languages = Directory.CreateDirectory(Path.Combine(folder, "languages")).FullName;
        foreach (var pack in Directory.GetFiles(Path.Combine(Path.GetDirectoryName(shippedSurveyPath)!, "languages"), "*.json"))
        {
            File.Copy(pack, Path.Combine(languages, Path.GetFileName(pack)));
        }

        File.WriteAllText(Path.Combine(languages, $"{Code}.json"), PackJson);
        var path = Path.Combine(folder, Path.GetFileName(shippedSurveyPath));
        File.WriteAllText(path, SurveyJson(File.ReadAllText(shippedSurveyPath)));
        return path;
    }
}
