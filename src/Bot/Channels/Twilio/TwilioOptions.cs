namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Configuration section "Twilio". The channel is on when <see cref="AccountSid"/> is set; then the whole section is
/// validated at startup (<see cref="TwilioOptionsValidator"/>). Secrets come from environment variables or user secrets.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";

    /// <summary>Signs webhooks (checked on every request) and authenticates REST calls.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>The WhatsApp sender, "whatsapp:+14155238886".</summary>
    public string WhatsAppFrom { get; set; } = "";

    /// <summary>The SMS number, "+19512345678".</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>A Messaging Service ("MG…") that picks the sender; used when the channel's From is empty.</summary>
    public string MessagingServiceSid { get; set; } = "";

    /// <summary>
    /// The public https URL Twilio calls, e.g. https://encuesta.example.org. Signatures are computed by Twilio over the
    /// URL it called, so behind a TLS-terminating proxy the app rebuilds it from here; X-Forwarded-* headers are never
    /// trusted, since anyone can send them.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Optional: send REST calls to this base URL instead of https://api.twilio.com (a fake API in tests).</summary>
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>Outgoing messages per second across both channels (Twilio queues beyond its own limit and answers 429).</summary>
    public int MessagesPerSecond { get; set; } = 10;

    /// <summary>SMS in GSM-7 (accents that force UCS-2 are replaced) with shorter hints: about half the segments.</summary>
    public bool CompactSms { get; set; } = true;

    /// <summary>Optional approved WhatsApp template ("HX…") that carries a reminder outside the 24-hour window.</summary>
    public string WhatsAppTemplateContentSid { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid);

    /// <summary>PublicBaseUrl without a trailing slash, so that base + "/webhooks/twilio" is the URL Twilio signs.</summary>
    public string PublicBase => PublicBaseUrl.TrimEnd('/');
}
