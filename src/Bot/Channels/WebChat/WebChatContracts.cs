using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// A message from the chat page.
/// <code>{"conversation": "5f0c…", "id": "a1b2…", "text": "1 y 3"}</code>
/// </summary>
public sealed record WebChatMessage(string? Conversation, string? Id, string? Text);

/// <summary><code>{"replies": [{"text": "…", "style": "single", "choices": [{"value": "1", "label": "Sí"}]}]}</code></summary>
public sealed record WebChatResponse(IReadOnlyList<WebChatReply> Replies)
{
    public static WebChatResponse From(IReadOnlyList<Reply> replies) =>
        new([.. replies.Select(r => new WebChatReply(r.Text, StyleName(r.Style), r.Choices))]);

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

public sealed record WebChatError(string Error);
