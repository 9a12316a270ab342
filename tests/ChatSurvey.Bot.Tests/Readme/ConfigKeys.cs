using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Tests.Readme;

/// <summary>Configuration keys in one shape for comparing: list indexes, dictionary keys and "&lt;n&gt;" placeholders become "*".</summary>
public static partial class ConfigKeys
{
    /// <summary>"Staff:Users:0:Name" and "Staff:Users:&lt;n&gt;:Name" → "Staff:Users:*:Name".</summary>
    public static string Normalize(string key) => Index().Replace(Placeholder().Replace(key, "*"), "*");

    /// <summary>The environment variable a key is set by, up to its first placeholder: "Staff:Users:&lt;n&gt;:Name" → "STAFF__USERS__".</summary>
    public static string EnvironmentPrefix(string key)
    {
        var fixedPart = key.Split('<')[0];
        return fixedPart.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex("(?<=:)[0-9]+(?=:|$)")]
    private static partial Regex Index();
}
