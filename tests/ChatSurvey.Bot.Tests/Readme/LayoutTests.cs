using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Tests.Readme;

/// <summary>The README's layout block against the repository: nothing named that is not there, no folder left out.</summary>
public sealed partial class LayoutTests
{
    // Build output and tools' folders, never part of the layout.
    private static readonly string[] Ignored = ["bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules"];

    // Folders whose own subfolders are named one by one: the projects' top folders, and the test and bench projects.
    private static readonly string[] Projects = ["src/Bot", "src/Domain", "tests", "bench"];

    [Fact]
    public void Layout_EveryNameInTheBlock_Exists()
    {
        var missing = Names().Where(n => !File.Exists(Full(n)) && !Directory.Exists(Full(n))).ToList();
        Assert.True(missing.Count == 0, $"README.md's layout names what the repository does not have:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void Layout_EveryFolderOfTheRepository_IsNamed()
    {
        var named = Names().Select(n => n.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var folders = Folders("").Concat(Projects.SelectMany(Folders)).ToList();
        var files = Directory.GetFiles(ReadmeFile.Root).Select(f => Path.GetFileName(f)).Where(f => !LocalFiles().IsMatch(f));
        var left = folders.Where(f => !named.Contains(f) && !named.Any(n => n.StartsWith(f + "/", StringComparison.Ordinal)))
            .Concat(files.Where(f => !named.Contains(f))).ToList();
        Assert.True(left.Count == 0, $"README.md's layout leaves out:\n{string.Join('\n', left)}");
        Assert.True(folders.Count > 20, $"only {folders.Count} folders found under {ReadmeFile.Root}");
    }

    /// <summary>
    /// The names on each line of the block, before the description (three or more spaces); an indented name is under
    /// the last unindented folder ("src/Bot/" + "Channels/WebChat/").
    /// </summary>
    private static List<string> Names()
    {
        var section = ReadmeFile.Section("Layout");
        var block = section.SkipWhile(l => l != "```").Skip(1).TakeWhile(l => l != "```").ToList();
        Assert.NotEmpty(block);
        var names = new List<string>();
        var parent = "";
        foreach (var line in block)
        {
            var indented = line.StartsWith("  ", StringComparison.Ordinal);
            var tokens = Description().Split(line.Trim(), 2)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var token in tokens)
            {
                var name = indented ? parent + token : token;
                names.Add(name);
                if (!indented && token.EndsWith('/'))
                {
                    parent = token;
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> Folders(string under) =>
        Directory.Exists(Full(under))
            ? Directory.GetDirectories(Full(under)).Select(Path.GetFileName)
                .Where(n => !Ignored.Contains(n) && (!n!.StartsWith('.') || n == ".ci"))
                .Select(n => under.Length == 0 ? n! : $"{under}/{n}")
            : [];

    private static string Full(string relative) => Path.Combine(ReadmeFile.Root, relative);

    // Files at the top that are not the project's: this README, git's, and what a local run leaves (.gitignore lists them).
    [GeneratedRegex(@"^(README\.md|\.gitignore|\.git|staff\.json|.*\.db(-shm|-wal)?|.*\.user)$")]
    private static partial Regex LocalFiles();

    [GeneratedRegex(@"\s{3,}")]
    private static partial Regex Description();
}
