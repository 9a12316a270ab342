using System.Diagnostics;

namespace ChatSurvey.Load;

/// <summary>One 30-second sample of the soak.</summary>
internal sealed record SoakSample(
    double Minute,
    double BotRssMb,
    double BotHeapMb,
    double RedisUsedMb,
    double RedisBeyondFinishedMb,
    long RedisKeys,
    int CompletedSurveys,
    int TurnsInWindow,
    double TurnsPerSecond,
    double P50Ms,
    double P99Ms,
    long? OutboxEntries);

/// <summary>The soak's result: the series, and what a finished conversation keeps in Redis, to read the series by.</summary>
internal sealed record SoakResult(
    int Respondents,
    string Pause,
    double Minutes,
    int Turns,
    int CompletedSurveys,
    int FailedSurveys,
    long UnmatchedMessages,
    double P50Ms,
    double P99Ms,
    double BotCpuMsPerTurn,
    double FinishedConversationKeyBytes,
    double FinishedConversationBytes,
    double RedisGrowthPerCompletedSurveyBytes,
    IReadOnlyList<SoakSample> Samples);

/// <summary>
/// A steady load for a fixed time: <c>n</c> respondent slots, each answering with pauses and starting over as a new
/// person when it finishes, so about <c>n</c> conversations are always in progress. The bot's RSS and managed heap
/// and its Redis's memory are sampled every 30 s. A finished conversation stays in Redis on purpose ("ya
/// respondiste", one response per person), so Redis is also shown net of a finished conversation's bytes per survey
/// completed during the soak: that part must stay flat. At the deadline no new answer is sent and the run stops by
/// itself.
/// </summary>
internal static class SoakRun
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);

    public static async Task<SoakResult> RunAsync(WebhookEnvironment environment, Scenario scenario, TimeSpan duration, double finishedBytes)
    {
        var (respondents, pauseMin, pauseMax, _, _) = scenario;
        var bot = environment.Bot;
        var log = new LatencyLog();
        var unmatchedBefore = environment.Fakes.Counts.Unmatched;
        var cpuBefore = ProcStats.Cpu(bot.Process.Pid);
        using var deadline = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var slots = Enumerable.Range(0, respondents).Select(i => SlotAsync(environment, i, scenario, log, deadline.Token)).ToList();

        var samples = new List<SoakSample>();
        var window = 0;
        var windowStart = TimeSpan.Zero;
        async Task<SoakSample> Sample()
        {
            var at = clock.Elapsed;
            var turns = log.Turns;
            var latencies = log.Sorted(window);
            var seconds = Math.Max(0.001, (at - windowStart).TotalSeconds);
            var redisUsed = await bot.RedisUsedMemoryAsync();
            var sample = new SoakSample(
                Math.Round(at.TotalMinutes, 2),
                Math.Round(ProcStats.Rss(bot.Process.Pid) / 1048576.0, 1),
                Math.Round((await RuntimeCounters.ScrapeAsync(environment.Http, bot))!.HeapBytes / 1048576.0, 1),
                Math.Round(redisUsed / 1048576.0, 2),
                Math.Round((redisUsed - (log.CompletedSurveys * finishedBytes)) / 1048576.0, 2),
                await bot.RedisKeysAsync(),
                log.CompletedSurveys,
                turns - window,
                Math.Round((turns - window) / seconds, 1),
                Math.Round(LatencyLog.Percentile(latencies, 0.5), 2),
                Math.Round(LatencyLog.Percentile(latencies, 0.99), 2),
                (await bot.OutboxAsync(environment.Http))?.Entries);
            window = turns;
            windowStart = at;
            Console.WriteLine($"  soak {sample}");
            return sample;
        }

        samples.Add(await Sample());
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SampleEvery, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // The deadline: one last sample below.
            }

            samples.Add(await Sample());
        }

        await Task.WhenAll(slots);
        var turns = log.Turns;
        var cpu = ProcStats.Cpu(bot.Process.Pid) - cpuBefore;
        var all = log.Sorted();
        var first = samples[0];
        var last = samples[^1];
        return new SoakResult(
            respondents,
            $"{pauseMin}-{pauseMax}",
            clock.Elapsed.TotalMinutes,
            turns,
            log.CompletedSurveys,
            log.FailedSurveys,
            environment.Fakes.Counts.Unmatched - unmatchedBefore,
            LatencyLog.Percentile(all, 0.5),
            LatencyLog.Percentile(all, 0.99),
            cpu.TotalMilliseconds / Math.Max(1, turns),
            await bot.MemoryUsageAsync("*:c:*", 200),
            finishedBytes,
            (last.RedisUsedMb - first.RedisUsedMb) * 1048576 / Math.Max(1, last.CompletedSurveys - first.CompletedSurveys),
            samples);
    }

    private static async Task SlotAsync(WebhookEnvironment environment, int slot, Scenario scenario, LatencyLog log, CancellationToken deadline)
    {
        var (_, pauseMin, pauseMax, channels, _) = scenario;
        try
        {
            await Task.Delay(Random.Shared.Next(pauseMax), deadline);
            // Bounded by time (each survey takes about a minute and a half) and, whatever happens, by count.
            for (var survey = 0; survey < 1000 && !deadline.IsCancellationRequested; survey++)
            {
                var channel = channels[(slot + survey) % channels.Count];
                await environment.Respondents.SurveyAsync(environment.Bot, channel, pauseMin, pauseMax, log, deadline);
            }
        }
        catch (OperationCanceledException)
        {
            // The deadline: this person stops mid-survey, as people do.
        }
    }
}
