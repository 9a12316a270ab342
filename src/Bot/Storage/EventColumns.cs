using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Storage;

/// <summary>How an event is stored in conversation_events: its type name, question and detail.</summary>
internal readonly record struct EventColumns(string Type, string? Promoter, string? Question, string? Detail)
{
    public static EventColumns Of(ConversationEvent e) => e switch
    {
        ConversationStarted s => new("started", s.Promoter, null, s.Language),
        QuestionAsked q => new("question_asked", null, q.Question, null),
        AnswerRecorded a => new("answer_recorded", null, a.Question, null),
        AnswerRejected r => new("answer_rejected", null, r.Question, r.Reason.ToString()),
        WentBack b => new("went_back", null, b.To, b.From),
        ConversationCancelled c => new("cancelled", null, null, c.Reason.ToString()),
        ConversationCompleted => new("completed", null, null, null),
        DeletionRequested => new("deleted", null, null, null),
        ReminderSent => new("reminder_sent", null, null, null),
        PersonUnreachable u => new("unreachable", null, null, u.Reason),
        ConversationAbandoned a => new("abandoned", null, a.Question, null),
        _ => throw new ArgumentException($"Unknown event {e.GetType().Name}", nameof(e)),
    };
}
