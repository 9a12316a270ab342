using System.Diagnostics.Tracing;

namespace ChatSurvey.Load;

/// <summary>
/// The runtime's allocation samples (one event about every 100 KB allocated, naming the type that crossed the mark),
/// counted by type while enabled: which types make up a piece's bytes, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = [];
    private volatile bool _counting;

    public void Start()
    {
        lock (_bytes)
        {
            _bytes.Clear();
        }

        _counting = true;
    }

    /// <returns>The types with the most sampled bytes, and each one's share.</returns>
    public IReadOnlyList<(string Type, double Share)> Stop(int top)
    {
        _counting = false;
        lock (_bytes)
        {
            var total = Math.Max(1, _bytes.Values.Sum());
            return [.. _bytes.OrderByDescending(b => b.Value).Take(top).Select(b => (b.Key, (double)b.Value / total))];
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs sample)
    {
        if (!_counting || sample.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || sample.PayloadNames is not { } names)
        {
            return;
        }

        var type = sample.Payload![names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(sample.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
