using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>XLSForm's column names: what this engine reads, what it leaves aside, and languages in "label::Español (es)".</summary>
public static partial class XlsFormColumns
{
    /// <summary>Survey sheet columns the engine reads (besides the label columns).</summary>
    public static readonly IReadOnlySet<string> Survey = new HashSet<string>(StringComparer.Ordinal) { "type", "name", "label", "required", "relevant", "appearance", "constraint", "pick" };

    /// <summary>Columns that only present a question on a screen; a chat has nowhere to show them, so they are skipped with a warning.</summary>
    public static bool IsPresentation(string column) =>
        Base(column) is "hint" or "guidance_hint" or "constraint_message" or "required_message" or "image" or "audio" or "video" or "big-image" || column.StartsWith("media::", StringComparison.Ordinal);

    /// <summary>"label::Español (es)" → "label"; "label" → "label".</summary>
    public static string Base(string column) => column.Split("::", 2)[0].Trim();

    /// <summary>The language of a translated column, "label::Español (es)" → ("es", "Español"); null without "::".</summary>
    public static (string Code, string Name)? Language(string column)
    {
        var parts = column.Split("::", 2);
        if (parts.Length < 2)
        {
            return null;
        }

        var match = Named().Match(parts[1].Trim());
        return match.Success ? (match.Groups[2].Value, match.Groups[1].Value.Trim()) : (parts[1].Trim(), "");
    }

    /// <summary>How a language is written in a column: "Español (es)", or the code alone when there is no name.</summary>
    public static string Header(string column, string code, string name) => name.Length > 0 && name != code ? $"{column}::{name} ({code})" : $"{column}::{code}";

    [GeneratedRegex(@"^(.*)\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*\)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Named();
}
