using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ChatSurvey.Bot.Channels.WebChat;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>
/// Talks to the web chat API as the page does: opens a conversation, solves its proof of work when asked, and sends
/// each message with a fresh id. Several clients (on several hosts) may share one conversation token.
/// </summary>
public sealed class WebChatClient(HttpClient http, string? token = null)
{
    /// <summary>Verified tokens by the token they replaced, so clients sharing a conversation solve its proof once.</summary>
    private static readonly ConcurrentDictionary<string, string> VerifiedTokens = new(StringComparer.Ordinal);

    private int _sequence;

    /// <summary>The conversation's token, as the page keeps it; null until the first message opens one.</summary>
    public string? Token { get; private set; } = token;

    /// <summary>The conversation id (the key of its state): the token's first part.</summary>
    public string Conversation => Token?[..22] ?? throw new InvalidOperationException("no conversation opened yet");

    public WebChatResponse? Last { get; private set; }

    public string LastText => string.Join("\n---\n", Last?.Replies.Select(r => r.Text) ?? []);

    /// <summary>Opens a conversation on <paramref name="http"/>'s host and returns its token.</summary>
    public static async Task<string> OpenAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/chat/conversations", null);
        response.EnsureSuccessStatusCode();
        var opened = await response.Content.ReadFromJsonAsync<WebChatConversation>() ?? throw new InvalidOperationException("empty body");
        return opened.Conversation;
    }

    public async Task<WebChatResponse> Send(string text, string? id = null)
    {
        using var response = await Post(text, id);
        response.EnsureSuccessStatusCode();
        Last = await response.Content.ReadFromJsonAsync<WebChatResponse>() ?? throw new InvalidOperationException("empty body");
        return Last;
    }

    /// <summary>The raw response to one message, after solving a proof of work if one was asked for.</summary>
    public async Task<HttpResponseMessage> Post(string text, string? id = null, string? proof = null)
    {
        Token ??= await OpenAsync(http);
        Token = VerifiedTokens.GetValueOrDefault(Token, Token);
        id ??= $"{Conversation[..8]}-{++_sequence:D6}";
        var response = await http.PostAsJsonAsync($"/api/chat/conversations/{Token}/messages", new WebChatMessage(id, text, proof));
        if (response.IsSuccessStatusCode)
        {
            // Read here and put back, so the caller can read the body too.
            var body = await response.Content.ReadAsStringAsync();
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            if (System.Text.Json.JsonSerializer.Deserialize<WebChatResponse>(body, System.Text.Json.JsonSerializerOptions.Web)?.Conversation is { } verified)
            {
                VerifiedTokens[Token] = verified;
                Token = verified;
            }
        }

        if (response.StatusCode != HttpStatusCode.Forbidden || proof is not null)
        {
            return response;
        }

        var asked = await response.Content.ReadFromJsonAsync<WebChatError>();
        response.Dispose();
        var challenge = asked?.Challenge ?? throw new InvalidOperationException("403 without a challenge");
        return await Post(text, id, ProofSolver.Solve(challenge));
    }
}
