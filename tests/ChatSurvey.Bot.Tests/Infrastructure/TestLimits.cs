namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// The web chat's rate limits raised out of the way: tests open many conversations from 127.0.0.1 and answer faster
/// than people. The limits' own tests (WebChatAbuseTests) set them back. The proof of work stays on.
/// </summary>
public static class TestLimits
{
    public static IReadOnlyDictionary<string, string?> Unthrottled { get; } = new Dictionary<string, string?>
    {
        ["WebChat:NewConversationsPerHour"] = "1000000",
        ["WebChat:MessagesPerSecond"] = "1000000",
        ["WebChat:MessageBurst"] = "1000000",
        ["WebChat:GlobalRequestsPerSecond"] = "1000000",
    };

    /// <summary>The same as environment variables, for a bot in a child process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> AsEnvironment() =>
        Unthrottled.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(), s.Value!));
}
