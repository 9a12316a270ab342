using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ChatSurvey.Bot.Tests.Accessibility;

/// <summary>axe-core on the page as it is now, against WCAG 2.0/2.1 A and AA and axe's best practices.</summary>
public static class AxeCheck
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    /// <summary>Fails on any serious or critical violation, naming each with its elements; lesser ones are printed.</summary>
    public static async Task AssertNoSeriousViolations(IPage page, string what)
    {
        var result = await page.RunAxe(Options);
        var lines = result.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        foreach (var line in lines)
        {
            Console.WriteLine($"axe on {what}: {line}");
        }

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {what}:\n{string.Join('\n', lines)}");
        Assert.NotEmpty(result.Passes);
    }
}
