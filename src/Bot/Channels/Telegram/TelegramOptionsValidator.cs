using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>Stops startup on a Telegram configuration that could not work, naming the key to fix.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var mode = options.EffectiveMode;
        if (mode == TelegramMode.Off)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.BotToken is null || !Token().IsMatch(options.BotToken))
        {
            failures.Add($"Telegram:BotToken is required in {mode} mode and looks like 123456789:AAE… (set TELEGRAM__BOTTOKEN).");
        }

        // Telegram's own rule for secret_token: 1-256 characters, letters, digits, '_' and '-'.
        if (mode == TelegramMode.Webhook && (options.WebhookSecret is null || !Secret().IsMatch(options.WebhookSecret)))
        {
            failures.Add("Telegram:WebhookSecret is required in Webhook mode: 1 to 256 characters A-Z, a-z, 0-9, '_' or '-' (set TELEGRAM__WEBHOOKSECRET).");
        }

        if (!string.IsNullOrEmpty(options.BotUsername) && !Username().IsMatch(options.BotUsername))
        {
            failures.Add("Telegram:BotUsername is the bot's username without '@' (5 to 32 letters, digits or '_').");
        }

        if (!string.IsNullOrEmpty(options.ApiBaseUrl) &&
            !(Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL such as http://localhost:8081.");
        }

        if (options.PerChatPerSecond <= 0 || options.PerChatBurst < 1 || options.GlobalPerSecond < 1)
        {
            failures.Add("Telegram:PerChatPerSecond must be above 0, PerChatBurst and GlobalPerSecond at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex Token();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex Secret();

    [GeneratedRegex("^[A-Za-z0-9_]{5,32}$")]
    private static partial Regex Username();
}
