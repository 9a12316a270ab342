using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>Stops startup on a Twilio section that could not work, naming the key to fix.</summary>
public sealed class TwilioOptionsValidator(IHostEnvironment environment) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (!options.AccountSid.StartsWith("AC", StringComparison.Ordinal))
        {
            failures.Add("Twilio:AccountSid must be an account SID (AC…).");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add("Twilio:AuthToken is required (set TWILIO__AUTHTOKEN): without it no webhook can be verified.");
        }

        // Twilio signs the URL it called; outside Development that is a public https address (Twilio's advice, and
        // the only kind a phone's message can reach).
        if (Http.PublicAddress.Problem(options.PublicBaseUrl, environment.IsDevelopment()) is { } problem)
        {
            failures.Add($"Twilio:PublicBaseUrl is the URL Twilio calls and {problem}.");
        }

        if (options.ApiBaseUrl.Length > 0 && !Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Twilio:ApiBaseUrl, when set, must be an absolute URL.");
        }

        if (options.WhatsAppFrom.Length > 0 && !options.WhatsAppFrom.StartsWith("whatsapp:+", StringComparison.Ordinal))
        {
            failures.Add("Twilio:WhatsAppFrom must look like whatsapp:+14155238886.");
        }

        if (options.SmsFrom.Length > 0 && !options.SmsFrom.StartsWith('+'))
        {
            failures.Add("Twilio:SmsFrom must be an E.164 number, +19512345678.");
        }

        if (options.WhatsAppFrom.Length == 0 && options.SmsFrom.Length == 0 && options.MessagingServiceSid.Length == 0)
        {
            failures.Add("Set Twilio:WhatsAppFrom, Twilio:SmsFrom or Twilio:MessagingServiceSid: replies need a sender.");
        }

        if (options.MessagesPerSecond is < 1 or > 1000)
        {
            failures.Add("Twilio:MessagesPerSecond must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
