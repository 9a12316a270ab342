namespace ChatSurvey.Domain.Events;

/// <summary>Why a conversation ended without a response.</summary>
public enum CancelReason : byte
{
    /// <summary>Did not accept the privacy notice.</summary>
    Declined,
    /// <summary>Wrote "cancelar".</summary>
    Cancelled,
    /// <summary>Chose to start over; a new start follows.</summary>
    Restarted,
    /// <summary>The survey version the conversation started on is no longer available; a new start follows.</summary>
    SurveyChanged,
}

/// <summary>
/// The conversation ended without a response.
/// <code>{"type": "cancelled", "at": "2026-11-27T12:02:00Z", "reason": "Cancelled"}</code>
/// </summary>
public sealed record ConversationCancelled(DateTimeOffset At, CancelReason Reason) : ConversationEvent(At);
