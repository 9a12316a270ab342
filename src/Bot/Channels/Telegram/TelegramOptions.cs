namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>Configuration section "Telegram"; checked at start by <see cref="TelegramOptionsValidator"/>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>From @BotFather, "123456789:AA…". Secret: set it through TELEGRAM__BOTTOKEN, never in appsettings.json.</summary>
    public string? BotToken { get; set; }

    /// <summary>The secret_token given to setWebhook; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The bot's @username without the "@", for t.me links.</summary>
    public string? BotUsername { get; set; }

    /// <summary>Unset means Webhook when a token is configured and Off otherwise; see <see cref="EffectiveMode"/>.</summary>
    public TelegramMode? Mode { get; set; }

    /// <summary>
    /// In webhook mode, register the webhook at startup (Dashboard:PublicBaseUrl + /webhooks/telegram, the secret, the
    /// allowed updates) instead of by hand; see <see cref="TelegramWebhookRegistration"/>.
    /// </summary>
    public bool RegisterWebhook { get; set; }

    /// <summary>Another Bot API server (a local telegram-bot-api, or a fake one in tests); Telegram's own when unset.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Telegram allows about one message per second to one chat, with short bursts.</summary>
    public double PerChatPerSecond { get; set; } = 1;

    public int PerChatBurst { get; set; } = 3;

    /// <summary>Telegram allows about 30 messages per second overall (broadcasts).</summary>
    public int GlobalPerSecond { get; set; } = 30;

    public TelegramMode EffectiveMode => Mode ?? (string.IsNullOrWhiteSpace(BotToken) ? TelegramMode.Off : TelegramMode.Webhook);
}
