namespace ChatSurvey.Domain.Conversations;

/// <summary>Keeps every reply within the longest message all channels take (Telegram: 4,096 characters).</summary>
public static class ReplySplitter
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<Reply> Split(IReadOnlyList<Reply> replies)
    {
        if (AllFit(replies))
        {
            return replies;
        }

        var result = new List<Reply>();
        foreach (var reply in replies)
        {
            var text = reply.Text;
            while (text.Length > MaxLength)
            {
                var cut = Cut(text);
                result.Add(Reply.Plain(text[..cut].TrimEnd()));
                text = text[cut..].TrimStart();
            }

            // The choices stay with the last piece, right above where the person answers.
            result.Add(reply with { Text = text });
        }

        return result;
    }

    private static bool AllFit(IReadOnlyList<Reply> replies)
    {
        for (var i = 0; i < replies.Count; i++)
        {
            if (replies[i].Text.Length > MaxLength)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last line break, else the last space, within the limit; a hard cut only for one giant word.</summary>
    private static int Cut(string text)
    {
        var newline = text.LastIndexOf('\n', MaxLength - 1);
        if (newline > MaxLength / 2)
        {
            return newline + 1;
        }

        var space = text.LastIndexOf(' ', MaxLength - 1);
        if (space > MaxLength / 2)
        {
            return space + 1;
        }

        // Never split a surrogate pair (an emoji) in half.
        return char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
    }
}
