using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// A new web conversation: the token to post its messages to, and the proof of work its first answer must carry
/// (null when the proof is switched off).
/// <code>{"conversation": "Rk3m….3hG7…", "challenge": {"algorithm": "SHA-256", "challenge": "4b1e…", …}}</code>
/// </summary>
public sealed record WebChatConversation(string Conversation, ProofChallenge? Challenge);

/// <summary>
/// A message from the chat page to POST /api/chat/conversations/{conversation}/messages. <c>proof</c> is the solved
/// challenge (base64 of its JSON), needed until a response hands out the verified conversation token.
/// <code>{"id": "a1b2…", "text": "1 y 3", "proof": "eyJhbGdvcml0aG0iOi…"}</code>
/// </summary>
public sealed record WebChatMessage(string? Id, string? Text, string? Proof = null);

/// <summary>
/// The replies; <c>conversation</c>, when present, is the token to use from now on (the proof was accepted).
/// <code>{"replies": [{"text": "…", "style": "single", "choices": [{"value": "1", "label": "Sí"}]}], "conversation": "Rk3m….9QcX…"}</code>
/// </summary>
public sealed record WebChatResponse(IReadOnlyList<WebChatReply> Replies, string? Conversation = null)
{
    public static WebChatResponse From(IReadOnlyList<Reply> replies, string? conversation) =>
        new([.. replies.Select(r => new WebChatReply(r.Text, StyleName(r.Style), r.Choices))], conversation);

    private static string StyleName(ReplyStyle style) => style switch
    {
        ReplyStyle.YesNo => "yesNo",
        ReplyStyle.SingleChoice => "single",
        ReplyStyle.MultipleChoice => "multiple",
        ReplyStyle.Grid => "grid",
        ReplyStyle.Ranked => "ranked",
        _ => "plain",
    };
}

public sealed record WebChatReply(string Text, string Style, IReadOnlyList<Choice> Choices);

/// <summary>What was wrong; <c>challenge</c> comes with a 403 that asks for (a new) proof of work.</summary>
public sealed record WebChatError(string Error, ProofChallenge? Challenge = null);
