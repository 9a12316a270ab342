using System.Globalization;

namespace ChatSurvey.Load;

/// <summary>
/// The bot's own turn duration histogram (load, run the engine, commit; from its /metrics), summed over channels.
/// The difference of two scrapes gives the time spent inside turns during a run, apart from HTTP, queues and sending.
/// </summary>
internal sealed record TurnHistogram(double Sum, double Count, SortedDictionary<double, double> Buckets)
{
    private const string Name = "chatsurvey_turn_duration";

    public static async Task<TurnHistogram?> ScrapeAsync(HttpClient http, Target target)
    {
        if (!target.IsBot)
        {
            return null;
        }

        var text = await http.GetStringAsync(new Uri(target.BaseAddress, "/metrics"));
        double sum = 0, count = 0;
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in text.Split('\n').Where(l => l.StartsWith(Name, StringComparison.Ordinal)))
        {
            var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            var metric = line.Split('{', ' ')[0];
            if (metric.EndsWith("_sum", StringComparison.Ordinal))
            {
                sum += value;
            }
            else if (metric.EndsWith("_count", StringComparison.Ordinal))
            {
                count += value;
            }
            else if (metric.EndsWith("_bucket", StringComparison.Ordinal))
            {
                var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
                le = le[..le.IndexOf('"', StringComparison.Ordinal)];
                var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                buckets[bound] = buckets.GetValueOrDefault(bound) + value;
            }
        }

        return new TurnHistogram(sum, count, buckets);
    }

    /// <summary>Mean and the bucket bound under which 99% of the turns between the two scrapes fell.</summary>
    public static (double MeanMs, double P99UpperMs)? Between(TurnHistogram? before, TurnHistogram? after)
    {
        if (before is null || after is null || after.Count <= before.Count)
        {
            return null;
        }

        var count = after.Count - before.Count;
        var p99 = after.Buckets.First(b => b.Value - before.Buckets.GetValueOrDefault(b.Key) >= 0.99 * count).Key;
        return ((after.Sum - before.Sum) / count, p99);
    }
}
