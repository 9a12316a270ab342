using System.Globalization;

namespace ChatSurvey.Load;

/// <summary>
/// The bot's .NET runtime metrics from its own /metrics (System.Runtime meter): bytes allocated, GC pauses and
/// collections, and the managed heap after the last collection. The difference of two scrapes tells how much a run
/// allocated per turn, which is where most of a .NET service's CPU beyond I/O goes.
/// </summary>
internal sealed record RuntimeCounters(double AllocatedBytes, double GcPauseSeconds, double Gen0, double Gen1, double Gen2, double HeapBytes)
{
    public static async Task<RuntimeCounters?> ScrapeAsync(HttpClient http, Target target)
    {
        if (!target.IsBot)
        {
            return null;
        }

        var lines = (await http.GetStringAsync(new Uri(target.BaseAddress, "/metrics"))).Split('\n');
        double Sum(string name, string? label = null) => lines
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length > name.Length && l[name.Length] is '{' or ' ') && (label is null || l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        return new RuntimeCounters(
            Sum("dotnet_gc_heap_total_allocated_bytes_total"),
            Sum("dotnet_gc_pause_time_seconds_total"),
            Sum("dotnet_gc_collections_total", "\"gen0\""),
            Sum("dotnet_gc_collections_total", "\"gen1\""),
            Sum("dotnet_gc_collections_total", "\"gen2\""),
            Sum("dotnet_gc_last_collection_heap_size_bytes"));
    }
}
