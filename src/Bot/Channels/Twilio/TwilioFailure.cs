namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>What a refused send means for the reply, by Twilio error code and HTTP status.</summary>
public enum TwilioFailure
{
    /// <summary>429 / 20429: too many requests. Retried here with backoff.</summary>
    RateLimited,

    /// <summary>63016: outside WhatsApp's 24-hour window; free-form text cannot go. Recorded, not retried.</summary>
    OutsideWindow,

    /// <summary>21610: the recipient opted out (STOP). The person is marked unreachable.</summary>
    OptedOut,

    /// <summary>Any other 4xx: the request itself is wrong (bad number, permissions). Logged, not retried.</summary>
    Permanent,

    /// <summary>5xx, or no parseable answer: Twilio may take it later. Thrown, so the reply stays pending.</summary>
    Transient,
}
