using ChatSurvey.Domain.Events;

namespace ChatSurvey.Domain.Conversations;

/// <summary>The result of one incoming message: the new state, what to say, and what happened.</summary>
public sealed record Turn(ConversationState State, IReadOnlyList<Reply> Replies, IReadOnlyList<ConversationEvent> Events);
