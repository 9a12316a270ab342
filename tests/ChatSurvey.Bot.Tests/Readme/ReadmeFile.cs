namespace ChatSurvey.Bot.Tests.Readme;

/// <summary>The repository's README.md, found from the test's output folder, and its sections.</summary>
public static class ReadmeFile
{
    public static string Root { get; } = FindRoot();

    public static string[] Lines { get; } = File.ReadAllLines(Path.Combine(Root, "README.md"));

    /// <summary>The lines under "## <paramref name="title"/>" up to the next "## " heading.</summary>
    public static IReadOnlyList<string> Section(string title)
    {
        var start = Array.FindIndex(Lines, l => l == $"## {title}");
        Assert.True(start >= 0, $"README.md has no section \"## {title}\"");
        return [.. Lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))];
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "README.md")) && File.Exists(Path.Combine(folder.FullName, "ChatSurvey.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No README.md beside ChatSurvey.sln above {AppContext.BaseDirectory}.");
    }
}
