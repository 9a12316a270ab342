namespace ChatSurvey.Load;

/// <summary>Turn latencies (webhook POST → last reply message at the fake) and survey outcomes of one run, thread-safe.</summary>
internal sealed class LatencyLog
{
    private readonly Lock _gate = new();
    private readonly List<(Channel Channel, double Ms)> _turns = [];
    private int _completed;
    private int _failed;

    public int Turns
    {
        get
        {
            lock (_gate)
            {
                return _turns.Count;
            }
        }
    }

    public int CompletedSurveys => Volatile.Read(ref _completed);

    public int FailedSurveys => Volatile.Read(ref _failed);

    public void Add(Channel channel, double ms)
    {
        lock (_gate)
        {
            _turns.Add((channel, ms));
        }
    }

    public void Completed() => Interlocked.Increment(ref _completed);

    public void Failed() => Interlocked.Increment(ref _failed);

    /// <summary>Latencies recorded since position <paramref name="from"/> (for the soak's windows), optionally of one channel, sorted.</summary>
    public double[] Sorted(int from = 0, Channel? channel = null)
    {
        lock (_gate)
        {
            return [.. _turns.Skip(from).Where(t => channel is null || t.Channel == channel).Select(t => t.Ms).Order()];
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
