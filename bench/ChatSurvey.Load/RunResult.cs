namespace ChatSurvey.Load;

/// <summary>One scenario on one target, as written to the JSON results. CPU figures are milliseconds per turn.</summary>
internal sealed record RunResult
{
    public required string Target { get; init; }

    public required int Respondents { get; init; }

    /// <summary>"none" or "2000-4000" (ms between a reply and the next answer).</summary>
    public required string Pause { get; init; }

    /// <summary>The channels the respondents took in turn.</summary>
    public required string Channels { get; init; }

    public required int SurveysEach { get; init; }

    /// <summary>1, or more when an earlier attempt was disturbed by other work on the machine.</summary>
    public required int Attempt { get; init; }

    public required double LoadAverageBefore { get; init; }

    /// <summary>Cores busy on the machine just before the run, while every part of the run sat idle.</summary>
    public required double BusyCoresBefore { get; init; }

    public required int Turns { get; init; }

    public required int CompletedSurveys { get; init; }

    public required int FailedSurveys { get; init; }

    public required double Seconds { get; init; }

    public required double TurnsPerSecond { get; init; }

    public required double SurveysPerSecond { get; init; }

    public required double P50Ms { get; init; }

    public required double P90Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double MaxMs { get; init; }

    public required double TelegramP99Ms { get; init; }

    public required double WhatsAppP99Ms { get; init; }

    /// <summary>Messages the fake APIs received per turn (the bot sends some answers as two or more messages).</summary>
    public required double MessagesPerTurn { get; init; }

    /// <summary>Messages for nobody waiting: duplicates, or replies past a respondent's timeout. Should be 0.</summary>
    public required long UnmatchedMessages { get; init; }

    /// <summary>Commands the target's Redis ran per turn (its round trips, with the bot's outbox reads and acks).</summary>
    public required double RedisCommandsPerTurn { get; init; }

    /// <summary>Rows the bot wrote to PostgreSQL per turn, one INSERT each.</summary>
    public required double PostgresRowsPerTurn { get; init; }

    public required double TargetCpuMsPerTurn { get; init; }

    /// <summary>Of the target's CPU, what its JIT thread spent re-compiling hot methods (should be near zero once warm).</summary>
    public required double TargetJitCpuMsPerTurn { get; init; }

    public required double RedisCpuMsPerTurn { get; init; }

    public required double PostgresCpuMsPerTurn { get; init; }

    /// <summary>Respondents and fake APIs (this process).</summary>
    public required double HarnessCpuMsPerTurn { get; init; }

    /// <summary>Interrupt time (loopback networking), charged to no process.</summary>
    public required double InterruptCpuMsPerTurn { get; init; }

    /// <summary>Process CPU on the machine not accounted for by the run's processes: other people's work.</summary>
    public required double StrangerCpuMsPerTurn { get; init; }

    public required double MachineBusyCores { get; init; }

    /// <summary>Peak used_memory growth during the run over the respondents (all in progress at once).</summary>
    public required double RedisBytesPerLiveConversation { get; init; }

    /// <summary>used_memory growth after the run (outbox drained) over the surveys completed: what a finished one keeps.</summary>
    public required double RedisBytesPerFinishedConversation { get; init; }

    public required double TargetRssMaxMb { get; init; }

    public long? OutboxMaxEntries { get; init; }

    public double? OutboxMaxOldestSeconds { get; init; }

    public double? OutboxDrainSeconds { get; init; }

    /// <summary>From the bot's /metrics: mean time inside a turn (load, engine, commit).</summary>
    public double? BotTurnMeanMs { get; init; }

    /// <summary>From the bot's /metrics: the histogram bucket bound under which 99% of turns fell.</summary>
    public double? BotTurnP99UpperMs { get; init; }

    /// <summary>From the bot's /metrics: kilobytes the bot allocated per turn (every part of it: HTTP, Redis, sending, outbox).</summary>
    public double? BotAllocatedKbPerTurn { get; init; }

    /// <summary>From the bot's /metrics: time in GC pauses over the run, and collections "gen0/gen1/gen2".</summary>
    public double? BotGcPauseMs { get; init; }

    public string? BotGcCollections { get; init; }

    /// <summary>Set when strangers used more than a tenth of a core during the last attempt: read the figures with care.</summary>
    public required bool Disturbed { get; init; }
}
