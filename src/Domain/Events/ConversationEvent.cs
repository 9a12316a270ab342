namespace ChatSurvey.Domain.Events;

/// <summary>Something that happened in a turn, for the funnel and the domain store. Carries no personal data.</summary>
public abstract record ConversationEvent(DateTimeOffset At);
