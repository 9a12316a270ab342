using ChatSurvey.Bot.Surveys.XlsForm;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Surveys;

/// <summary>
/// <c>ChatSurvey.Bot survey import FORM.xlsx [--out SURVEY.json]</c>, <c>survey export [SURVEY.json] [--out FORM.xlsx]</c>
/// and <c>survey check FILE</c>: XLSForm in and out, and a check of either kind of file that names every fault.
/// </summary>
public static class SurveyCommand
{
    private const string Usage = "usage: survey import FORM.xlsx [--out SURVEY.json] | survey export [SURVEY.json] [--out FORM.xlsx] | survey check FILE";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        try
        {
            return args switch
            {
                ["import", var form, .. var rest] => Import(form, Option(rest, "--out") ?? Path.ChangeExtension(form, ".json"), output, errors),
                ["export", .. var rest] => Export(rest.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != Option(rest, "--out")) ?? new SurveyOptions().Path, Option(rest, "--out"), output),
                ["check", var file] => Check(file, output, errors),
                _ => Fail(errors, Usage),
            };
        }
        catch (Exception e) when (e is SurveyDefinitionException or IOException or InvalidOperationException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return Fail(errors, e.Message);
        }
    }

    private static int Import(string form, string outPath, TextWriter output, TextWriter errors)
    {
        var result = XlsFormImport.Read(Workbook.Read(form), form);
        Report(result.Faults, form, output, errors);
        if (result.Survey is null)
        {
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, SurveyJson.Write(result.Survey));
        output.WriteLine($"wrote {outPath}");
        var languages = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, SurveyFile.LanguagesFolder);
        foreach (var code in result.Survey.Languages.Where(code => !File.Exists(Path.Combine(languages, $"{code}.json"))))
        {
            Directory.CreateDirectory(languages);
            var path = Path.Combine(languages, $"{code}.json");
            var shipped = Path.Combine(AppContext.BaseDirectory, "surveys", SurveyFile.LanguagesFolder, $"{code}.json");
            if (File.Exists(shipped))
            {
                File.Copy(shipped, path);
                output.WriteLine($"wrote {path}: the pack this build ships for '{code}'");
                continue;
            }

            // A new language gets a pack with its name; its bot texts are to be translated (startup lists each one).
            var name = result.LanguageNames.GetValueOrDefault(code, code);
            var pack = new System.Text.Json.Nodes.JsonObject { ["$schema"] = "../language.schema.json", ["code"] = code, ["name"] = name, ["texts"] = new System.Text.Json.Nodes.JsonObject(), ["words"] = new System.Text.Json.Nodes.JsonObject() };
            File.WriteAllText(path, pack.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            output.WriteLine($"wrote {path}: the language pack of {name}, without texts yet: translate the texts and words of the default language's pack into it (until then its texts are used, and startup names each one)");
        }

        return 0;
    }

    private static int Export(string surveyPath, string? outPath, TextWriter output)
    {
        var path = SurveyFile.Resolve(surveyPath);
        var survey = new CompiledSurvey(SurveyFile.Read(path), SurveyFile.Packs(path));
        outPath ??= Path.ChangeExtension(path, ".xlsx");
        Workbook.Write(outPath, XlsFormExport.Sheets(survey));
        output.WriteLine($"wrote {outPath}");
        return 0;
    }

    private static int Check(string file, TextWriter output, TextWriter errors)
    {
        if (file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var result = XlsFormImport.Read(Workbook.Read(file), file);
            Report(result.Faults, file, output, errors);
            return result.Survey is null ? 1 : 0;
        }

        var path = SurveyFile.Resolve(file);
        var survey = new CompiledSurvey(SurveyFile.Read(path), SurveyFile.Packs(path));
        foreach (var warning in survey.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        output.WriteLine($"{path}: ok ({survey.Questions.Count} questions, languages {string.Join(", ", survey.Languages)})");
        return 0;
    }

    private static void Report(IEnumerable<XlsFormFault> faults, string file, TextWriter output, TextWriter errors)
    {
        foreach (var fault in faults)
        {
            (fault.IsWarning ? output : errors).WriteLine($"{file}: {fault}");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return 1;
    }
}
