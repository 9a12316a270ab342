using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>When a silent conversation next needs attention: its one reminder, then its abandonment.</summary>
public sealed class ConversationSchedule(TimeSpan reminderAfter, TimeSpan idleExpiry)
{
    public TimeSpan ReminderAfter => reminderAfter;

    public TimeSpan IdleExpiry => idleExpiry;

    /// <summary>Unix seconds of the next check, or null when the conversation is not under way.</summary>
    public long? NextDue(ConversationState state) => state.InProgress
        ? state.LastSeen + (long)(state.Reminded ? idleExpiry : reminderAfter).TotalSeconds
        : null;
}
