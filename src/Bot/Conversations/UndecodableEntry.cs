namespace ChatSurvey.Bot.Conversations;

/// <summary>An outbox entry that does not decode: the bytes the outbox holds, and why they are not an entry.</summary>
/// <param name="Id">Unique and stable within its outbox (the Redis stream and entry id): to acknowledge it, and the dead letter's key.</param>
public sealed record UndecodableEntry(string Id, byte[] Raw, string Error);
