using ChatSurvey.Bot.Conversations;
using System.Diagnostics.Metrics;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// What the Twilio channel records besides conversations: delivery statuses, send failures by error code, ad referrals,
/// opt-outs, rejected webhooks and call statuses with their minutes, as structured log lines and counters of the "ChatSurvey.Twilio" meter. Never a phone
/// number. (The domain store's events table takes the delivery statuses later, for the dashboard.)
/// </summary>
public sealed partial class TwilioTelemetry
{
    public const string MeterName = "ChatSurvey.Twilio";
    private readonly ILogger<TwilioTelemetry> _logger;
    private readonly Counter<long> _statuses;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _referrals;
    private readonly Counter<long> _optOuts;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _callSeconds;

    public TwilioTelemetry(IMeterFactory meters, ILogger<TwilioTelemetry> logger)
    {
        _logger = logger;
        var meter = meters.Create(MeterName);
        _statuses = meter.CreateCounter<long>("chatsurvey.twilio.message_status", description: "Status callbacks by status and error code");
        _failures = meter.CreateCounter<long>("chatsurvey.twilio.send_failures", description: "Messages Twilio refused, by error code");
        _referrals = meter.CreateCounter<long>("chatsurvey.twilio.referrals", description: "Inbound messages from a Click-to-WhatsApp ad");
        _optOuts = meter.CreateCounter<long>("chatsurvey.twilio.opt_outs", description: "SMS opt-out words received");
        _rejected = meter.CreateCounter<long>("chatsurvey.twilio.rejected_webhooks", description: "Webhooks refused for a missing or wrong signature");
        _calls = meter.CreateCounter<long>("chatsurvey.twilio.calls", description: "Call status callbacks by status and direction");
        _callSeconds = meter.CreateCounter<long>("chatsurvey.twilio.call_seconds", unit: "s", description: "Seconds of finished calls, by direction: what the voice channel costs");
    }

    public void Status(Channel channel, string messageSid, string status, string? errorCode)
    {
        _statuses.Add(1, new("channel", channel.Name), new("status", status), new("error_code", errorCode ?? ""));
        LogStatus(_logger, channel.Name, messageSid, status, errorCode ?? "");
    }

    public void SendFailed(Channel channel, int code, int status, string outcome)
    {
        _failures.Add(1, new("channel", channel.Name), new("code", code), new("outcome", outcome));
        LogSendFailed(_logger, channel.Name, code, status, outcome);
    }

    public void Referral(Channel channel, IReadOnlyDictionary<string, string> referral)
    {
        var sourceType = referral.GetValueOrDefault("ReferralSourceType", "");
        var sourceId = referral.GetValueOrDefault("ReferralSourceId", "");
        var sourceUrl = referral.GetValueOrDefault("ReferralSourceUrl", "");
        var ctwaClid = referral.GetValueOrDefault("ReferralCtwaClid", "");
        _referrals.Add(1, new("channel", channel.Name), new("source_type", sourceType));
        LogReferral(_logger, channel.Name, sourceType, sourceId, sourceUrl, ctwaClid);
    }

    public void OptOut(Channel channel)
    {
        _optOuts.Add(1, new KeyValuePair<string, object?>("channel", channel.Name));
        LogOptOut(_logger, channel.Name);
    }

    public void Rejected(PathString path)
    {
        _rejected.Add(1);
        LogRejected(_logger, path.Value ?? "");
    }

    public void Ignored(string reason) => LogIgnored(_logger, reason);

    /// <summary>A call's status; a finished call adds its duration.</summary>
    public void CallStatus(string status, string direction, int seconds)
    {
        _calls.Add(1, new("status", status), new("direction", direction));
        if (seconds > 0)
        {
            _callSeconds.Add(seconds, new KeyValuePair<string, object?>("direction", direction));
        }

        LogCallStatus(_logger, status, direction, seconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio status {Status} for {MessageSid} on {Channel} (error code {ErrorCode})")]
    private static partial void LogStatus(ILogger logger, string channel, string messageSid, string status, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused a message on {Channel}: code {Code}, HTTP {HttpStatus}; {Outcome}")]
    private static partial void LogSendFailed(ILogger logger, string channel, int code, int httpStatus, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral on {Channel}: source type {SourceType}, id {SourceId}, url {SourceUrl}, ctwa_clid {CtwaClid}")]
    private static partial void LogReferral(ILogger logger, string channel, string sourceType, string sourceId, string sourceUrl, string ctwaClid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opt-out word received on {Channel}; the person is marked unreachable")]
    private static partial void LogOptOut(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook at {Path}: missing or wrong X-Twilio-Signature")]
    private static partial void LogRejected(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio call status {Status} ({Direction}), {Seconds} s")]
    private static partial void LogCallStatus(ILogger logger, string status, string direction, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Twilio webhook: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
