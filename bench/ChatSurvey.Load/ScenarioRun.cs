using System.Diagnostics;

namespace ChatSurvey.Load;

/// <summary>
/// One scenario on one target: <c>n</c> respondents start together (spread over the first pause when they pause) and
/// each completes the survey (or several, one after the other), taking the channels in turn (Telegram, WhatsApp…).
/// A run that other work on the machine disturbed (more than a tenth of a core of strangers' CPU) is run again,
/// once, and flagged if still disturbed.
/// </summary>
internal static class ScenarioRun
{
    private const double StrangerCoresLimit = 0.1;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    /// <param name="strict">Wait for a quiet machine and run again when disturbed; off for smoke runs on a shared machine.</param>
    public static async Task<RunResult> RunAsync(WebhookEnvironment environment, Target target, Scenario scenario, bool strict)
    {
        RunResult result = null!;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (load, busy) = strict ? await QuietMachineAsync() : (ProcStats.LoadAverage(), await CpuSnapshot.BusyCoresAsync(TimeSpan.FromSeconds(1)));
            result = await AttemptAsync(environment, target, scenario, attempt, load, busy);
            if (!strict || !result.Disturbed)
            {
                break;
            }

            Console.WriteLine($"  disturbed: strangers used {result.StrangerCpuMsPerTurn * result.Turns / 1000 / result.Seconds:F2} cores; running it again");
        }

        return result;
    }

    /// <summary>Waits (at most 3 minutes) until the machine is quiet apart from the run's idle processes.</summary>
    private static async Task<(double Load, double Busy)> QuietMachineAsync()
    {
        var busy = await CpuSnapshot.BusyCoresAsync(TimeSpan.FromSeconds(3));
        for (var wait = 0; busy > 0.25 && wait < 18; wait++)
        {
            Console.WriteLine($"  machine busy ({busy:F2} cores, load average {ProcStats.LoadAverage():F2}); waiting");
            await Task.Delay(TimeSpan.FromSeconds(7));
            busy = await CpuSnapshot.BusyCoresAsync(TimeSpan.FromSeconds(3));
        }

        return (ProcStats.LoadAverage(), busy);
    }

    private static async Task<RunResult> AttemptAsync(WebhookEnvironment environment, Target target, Scenario scenario, int attempt, double load, double busy)
    {
        var (respondents, pauseMin, pauseMax, channels, _) = scenario;
        var http = environment.Http;
        var log = new LatencyLog();
        var messagesBefore = environment.Fakes.Counts;
        var memoryBefore = await target.RedisUsedMemoryAsync();
        var commandsBefore = await target.RedisCommandsAsync();
        var rowsBefore = await environment.StoreRowsAsync();
        var histogramBefore = await TurnHistogram.ScrapeAsync(http, target);
        var runtimeBefore = await RuntimeCounters.ScrapeAsync(http, target);
        using var sampler = new Sampler(target, http, TimeSpan.FromSeconds(1));
        var cpuBefore = await CpuSnapshot.TakeAsync(environment, target);
        using var limit = new CancellationTokenSource(RunLimit);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, respondents).Select(async i =>
        {
            try
            {
                // Pausing respondents arrive spread over one pause, as people do, rather than in one burst.
                if (pauseMax > 0)
                {
                    await Task.Delay(Random.Shared.Next(pauseMax), limit.Token);
                }

                for (var survey = 0; survey < scenario.SurveysEach; survey++)
                {
                    await environment.Respondents.SurveyAsync(target, channels[(i + survey) % channels.Count], pauseMin, pauseMax, log, limit.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Past the run's time limit: counted as failed, the run ends.
                log.Failed();
            }
        }));
        clock.Stop();

        // The turns' work includes writing their events to PostgreSQL, which the bot does just after.
        var drain = await target.DrainOutboxAsync(http, TimeSpan.FromMinutes(2));
        var cpuAfter = await CpuSnapshot.TakeAsync(environment, target);
        var samples = await sampler.StopAsync();
        var memoryAfter = await target.RedisUsedMemoryAsync();
        var commandsAfter = await target.RedisCommandsAsync();
        var rowsAfter = await environment.StoreRowsAsync();
        var histogramAfter = await TurnHistogram.ScrapeAsync(http, target);
        var runtimeAfter = await RuntimeCounters.ScrapeAsync(http, target);
        var messagesAfter = environment.Fakes.Counts;

        var all = log.Sorted();
        var turns = Math.Max(1, all.Length);
        double PerTurn(TimeSpan cpu) => cpu.TotalMilliseconds / turns;
        var botTurn = TurnHistogram.Between(histogramBefore, histogramAfter);
        var seconds = clock.Elapsed.TotalSeconds;
        var strangerCores = cpuAfter.Strangers(cpuBefore).TotalSeconds / (seconds + drain.TotalSeconds);
        return new RunResult
        {
            Target = target.Name,
            Respondents = respondents,
            Pause = scenario.PauseText,
            Channels = string.Join(',', channels),
            SurveysEach = scenario.SurveysEach,
            Attempt = attempt,
            LoadAverageBefore = load,
            BusyCoresBefore = busy,
            Turns = all.Length,
            CompletedSurveys = log.CompletedSurveys,
            FailedSurveys = log.FailedSurveys,
            Seconds = seconds,
            TurnsPerSecond = all.Length / seconds,
            SurveysPerSecond = log.CompletedSurveys / seconds,
            P50Ms = LatencyLog.Percentile(all, 0.50),
            P90Ms = LatencyLog.Percentile(all, 0.90),
            P99Ms = LatencyLog.Percentile(all, 0.99),
            MaxMs = all.Length == 0 ? double.NaN : all[^1],
            TelegramP99Ms = LatencyLog.Percentile(log.Sorted(channel: Channel.Telegram), 0.99),
            WhatsAppP99Ms = LatencyLog.Percentile(log.Sorted(channel: Channel.WhatsApp), 0.99),
            MessagesPerTurn = (messagesAfter.Messages - messagesBefore.Messages) / (double)turns,
            UnmatchedMessages = messagesAfter.Unmatched - messagesBefore.Unmatched,
            RedisCommandsPerTurn = (commandsAfter - commandsBefore) / (double)turns,
            PostgresRowsPerTurn = (rowsAfter - rowsBefore) / (double)turns,
            TargetCpuMsPerTurn = PerTurn(cpuAfter.Target - cpuBefore.Target),
            TargetJitCpuMsPerTurn = PerTurn(cpuAfter.TargetJit - cpuBefore.TargetJit),
            RedisCpuMsPerTurn = PerTurn(cpuAfter.Redis - cpuBefore.Redis),
            PostgresCpuMsPerTurn = PerTurn(cpuAfter.Postgres - cpuBefore.Postgres),
            HarnessCpuMsPerTurn = PerTurn(cpuAfter.Harness - cpuBefore.Harness),
            InterruptCpuMsPerTurn = PerTurn(cpuAfter.MachineInterrupts - cpuBefore.MachineInterrupts),
            StrangerCpuMsPerTurn = PerTurn(cpuAfter.Strangers(cpuBefore)),
            MachineBusyCores = (cpuAfter.MachineProcesses + cpuAfter.MachineInterrupts - cpuBefore.MachineProcesses - cpuBefore.MachineInterrupts).TotalSeconds / (seconds + drain.TotalSeconds),
            RedisBytesPerLiveConversation = (samples.MaxRedisBytes - memoryBefore) / (double)respondents,
            RedisBytesPerFinishedConversation = (memoryAfter - memoryBefore) / (double)Math.Max(1, log.CompletedSurveys),
            TargetRssMaxMb = samples.MaxRssBytes / 1048576.0,
            OutboxMaxEntries = target.IsBot ? samples.MaxOutboxEntries : null,
            OutboxMaxOldestSeconds = target.IsBot ? samples.MaxOutboxOldestSeconds : null,
            OutboxDrainSeconds = target.IsBot ? drain.TotalSeconds : null,
            BotTurnMeanMs = botTurn?.MeanMs,
            BotTurnP99UpperMs = botTurn?.P99UpperMs,
            BotAllocatedKbPerTurn = runtimeAfter is null ? null : (runtimeAfter.AllocatedBytes - runtimeBefore!.AllocatedBytes) / 1024 / turns,
            BotGcPauseMs = runtimeAfter is null ? null : (runtimeAfter.GcPauseSeconds - runtimeBefore!.GcPauseSeconds) * 1000,
            BotGcCollections = runtimeAfter is null ? null : $"{runtimeAfter.Gen0 - runtimeBefore!.Gen0}/{runtimeAfter.Gen1 - runtimeBefore.Gen1}/{runtimeAfter.Gen2 - runtimeBefore.Gen2}",
            Disturbed = strangerCores > StrangerCoresLimit,
        };
    }
}
