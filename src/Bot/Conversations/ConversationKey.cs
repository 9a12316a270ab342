namespace ChatSurvey.Bot.Conversations;

/// <summary>One person on one channel: ("telegram", chat id), ("whatsapp", "+52…"), ("web", client id).</summary>
public readonly record struct ConversationKey(string Channel, string UserId)
{
    public override string ToString() => $"{Channel}:{UserId}";
}
