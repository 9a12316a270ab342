namespace ChatSurvey.Load;

/// <summary>
/// Samples a target while a run goes on: its RSS, its Redis's used_memory, and (the bot) the outbox backlog from
/// /readyz, keeping the highest of each. Stops with the run.
/// </summary>
internal sealed class Sampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Sampler(Target target, HttpClient http, TimeSpan interval) => _loop = LoopAsync(target, http, interval);

    public long MaxRssBytes { get; private set; }

    public long MaxRedisBytes { get; private set; }

    public long MaxOutboxEntries { get; private set; }

    public double MaxOutboxOldestSeconds { get; private set; }

    public async Task<Sampler> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return this;
    }

    private async Task LoopAsync(Target target, HttpClient http, TimeSpan interval)
    {
        // A run is at most minutes long: the loop ends with it, or after an hour whatever happens.
        for (var i = 0; i < 3600 / Math.Max(1, (int)interval.TotalSeconds) && !_stop.IsCancellationRequested; i++)
        {
            MaxRssBytes = Math.Max(MaxRssBytes, ProcStats.Rss(target.Process.Pid));
            MaxRedisBytes = Math.Max(MaxRedisBytes, await target.RedisUsedMemoryAsync());
            if (await target.OutboxAsync(http) is var (entries, oldest))
            {
                MaxOutboxEntries = Math.Max(MaxOutboxEntries, entries);
                MaxOutboxOldestSeconds = Math.Max(MaxOutboxOldestSeconds, oldest);
            }

            try
            {
                await Task.Delay(interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // One last sample was just taken; stopping.
            }
        }
    }

    public void Dispose() => _stop.Dispose();
}
