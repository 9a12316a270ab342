using System.Globalization;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>Reads values out of a /metrics page (Prometheus text format).</summary>
public static class PrometheusText
{
    /// <summary>The value of the first series named <paramref name="name"/> whose labels contain <paramref name="labels"/>; 0 when absent.</summary>
    public static double Value(string metrics, string name, string labels)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
