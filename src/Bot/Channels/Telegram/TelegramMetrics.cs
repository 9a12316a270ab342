using System.Diagnostics.Metrics;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Counters of what the Telegram channel could not use (meter "ChatSurvey.Telegram"), with a log line each until the
/// dashboard shows them: deep-link codes that are not a promoter code, and ignored updates by kind.
/// </summary>
public sealed partial class TelegramMetrics
{
    private readonly Counter<long> _malformedStartCodes;
    private readonly Counter<long> _ignoredUpdates;
    private readonly ILogger<TelegramMetrics> _logger;
    private long _malformed;

    public TelegramMetrics(IMeterFactory meters, ILogger<TelegramMetrics> logger)
    {
        var meter = meters.Create("ChatSurvey.Telegram");
        _malformedStartCodes = meter.CreateCounter<long>("chatsurvey.telegram.start_code.malformed", description: "/start payloads that are not a promoter code; the survey starts unattributed");
        _ignoredUpdates = meter.CreateCounter<long>("chatsurvey.telegram.update.ignored", description: "Updates that need no answer (edits, groups, channels…)");
        _logger = logger;
    }

    public long MalformedStartCodes => Interlocked.Read(ref _malformed);

    public void MalformedStartCode(string payload)
    {
        _malformedStartCodes.Add(1);
        var count = Interlocked.Increment(ref _malformed);
        // The payload is whatever someone typed after /start: only its length goes to the log.
        LogMalformedStartCode(_logger, payload.Length, count);
    }

    public void Ignored(string kind)
    {
        _ignoredUpdates.Add(1, new KeyValuePair<string, object?>("kind", kind));
        LogIgnored(_logger, kind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A /start code of {Length} characters is not a promoter code; started unattributed ({Count} so far)")]
    private static partial void LogMalformedStartCode(ILogger logger, int length, long count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Telegram update: {Kind}")]
    private static partial void LogIgnored(ILogger logger, string kind);
}
