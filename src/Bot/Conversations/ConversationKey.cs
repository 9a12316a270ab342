namespace ChatSurvey.Bot.Conversations;

/// <summary>One person on one channel: (Telegram, chat id), (WhatsApp, "+52…"), (Web, conversation id).</summary>
public readonly record struct ConversationKey(Channel Channel, string UserId)
{
    public override string ToString() => $"{Channel.Name}:{UserId}";
}
