namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>How updates reach the bot: Telegram calls our webhook, we poll getUpdates (local use), or no Telegram at all.</summary>
public enum TelegramMode
{
    Off,
    Webhook,
    Polling,
}
