namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>What an update asks of the bot.</summary>
public enum TelegramAction
{
    /// <summary>Nothing to do (answered 200 so Telegram stops retrying).</summary>
    Ignore,
    /// <summary>A turn of the private conversation with <see cref="TelegramInbound.Input"/>.</summary>
    Converse,
    /// <summary>A multiple-choice toggle: edit the keyboard in place, no turn.</summary>
    Toggle,
    /// <summary>The person blocked the bot.</summary>
    Unreachable,
    /// <summary>The bot was addressed in a group: point to a private chat once.</summary>
    GroupNotice,
}
