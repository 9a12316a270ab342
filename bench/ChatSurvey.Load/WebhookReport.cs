using System.Globalization;
using System.Text;

namespace ChatSurvey.Load;

/// <summary>The run's figures as Markdown tables, ready for bench/README.md.</summary>
internal static class WebhookReport
{
    public static string Tables(IReadOnlyList<RunResult> runs)
    {
        var text = new StringBuilder();
        foreach (var pause in runs.Select(r => r.Pause).Distinct())
        {
            text.AppendLine(Invariant($"Pause between answers: {pause} ms")).AppendLine();
            text.AppendLine("| respondents | channels | target | turns/s | surveys/s | p50 ms | p99 ms | max ms | target CPU ms/turn | Redis CPU ms/turn | PG CPU ms/turn | msgs/turn | Redis B/live conv | Redis B/finished | outbox max (entries, oldest s) | failed | machine cores busy |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var r in runs.Where(r => r.Pause == pause))
            {
                var outbox = r.OutboxMaxEntries is { } entries ? Invariant($"{entries}, {r.OutboxMaxOldestSeconds:F1}") : "–";
                text.AppendLine(Invariant(
                    $"| {r.Respondents:N0}{(r.SurveysEach > 1 ? $" ×{r.SurveysEach}" : "")} | {r.Channels} | {r.Target}{(r.Disturbed ? " (disturbed)" : "")} | {r.TurnsPerSecond:N0} | {r.SurveysPerSecond:F1} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F0} | {r.TargetCpuMsPerTurn:F3} | {r.RedisCpuMsPerTurn:F3} | {r.PostgresCpuMsPerTurn:F3} | {r.MessagesPerTurn:F2} | {r.RedisBytesPerLiveConversation:N0} | {r.RedisBytesPerFinishedConversation:N0} | {outbox} | {r.FailedSurveys} | {r.MachineBusyCores:F2} |"));
            }

            text.AppendLine();
        }

        text.AppendLine("Bot against the floor (same respondents, same machine, run one after the other):").AppendLine();
        text.AppendLine("| respondents | pause ms | channels | throughput bot/floor | CPU per turn bot/floor | JIT ms/turn bot / floor | p99 bot / floor ms | bot turn mean ms (/metrics) | bot turn p99 bucket ms | bot KB allocated/turn | bot GC pauses ms (gen0/1/2) | Redis commands/turn bot / floor | PG rows/turn |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var bot in runs.Where(r => r.Target == "bot"))
        {
            if (runs.FirstOrDefault(r => r.Target == "floor" && r.Respondents == bot.Respondents && r.Pause == bot.Pause && r.Channels == bot.Channels) is not { } floor)
            {
                continue;
            }

            text.AppendLine(Invariant(
                $"| {bot.Respondents:N0} | {bot.Pause} | {bot.Channels} | {bot.TurnsPerSecond / floor.TurnsPerSecond:P0} | {bot.TargetCpuMsPerTurn / floor.TargetCpuMsPerTurn:F1}× ({bot.TargetCpuMsPerTurn:F3} / {floor.TargetCpuMsPerTurn:F3}) | {bot.TargetJitCpuMsPerTurn:F3} / {floor.TargetJitCpuMsPerTurn:F3} | {bot.P99Ms:F2} / {floor.P99Ms:F2} | {bot.BotTurnMeanMs:F3} | {bot.BotTurnP99UpperMs} | {bot.BotAllocatedKbPerTurn:F1} | {bot.BotGcPauseMs:F0} ({bot.BotGcCollections}) | {bot.RedisCommandsPerTurn:F2} / {floor.RedisCommandsPerTurn:F2} | {bot.PostgresRowsPerTurn:F2} |"));
        }

        return text.ToString();
    }

    public static string Soak(SoakResult soak)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Soak: {soak.Respondents} respondents, pauses {soak.Pause} ms, {soak.Minutes:F1} min, {soak.Turns:N0} turns, {soak.CompletedSurveys:N0} surveys completed, {soak.FailedSurveys} failed, {soak.UnmatchedMessages} unmatched messages"));
        text.AppendLine(Invariant($"p50 {soak.P50Ms:F2} ms, p99 {soak.P99Ms:F2} ms, bot CPU {soak.BotCpuMsPerTurn:F3} ms/turn; Redis growth {soak.RedisGrowthPerCompletedSurveyBytes:N0} B per completed survey (a finished conversation: {soak.FinishedConversationBytes:N0} B of used_memory, MEMORY USAGE of a conversation hash {soak.FinishedConversationKeyBytes:N0} B)")).AppendLine();
        text.AppendLine("| minute | bot RSS MB | bot managed heap MB | Redis used MB | Redis MB net of finished | Redis keys | surveys completed | turns/s | p50 ms | p99 ms | outbox entries |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in soak.Samples)
        {
            text.AppendLine(Invariant($"| {s.Minute:F1} | {s.BotRssMb:F1} | {s.BotHeapMb:F1} | {s.RedisUsedMb:F2} | {s.RedisBeyondFinishedMb:F2} | {s.RedisKeys:N0} | {s.CompletedSurveys:N0} | {s.TurnsPerSecond:F1} | {s.P50Ms:F2} | {s.P99Ms:F2} | {s.OutboxEntries} |"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
