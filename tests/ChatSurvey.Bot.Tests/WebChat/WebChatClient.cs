using System.Net.Http.Json;
using ChatSurvey.Bot.Channels.WebChat;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>Talks to the web chat API as the page does: one conversation id, a fresh id per message.</summary>
public sealed class WebChatClient(HttpClient http, string? conversation = null)
{
    private int _sequence;

    public string Conversation { get; } = conversation ?? Guid.NewGuid().ToString("N");

    public WebChatResponse? Last { get; private set; }

    public async Task<WebChatResponse> Send(string text, string? id = null)
    {
        id ??= $"{Conversation[..8]}-{++_sequence:D6}";
        using var response = await http.PostAsJsonAsync("/api/chat/messages", new WebChatMessage(Conversation, id, text));
        response.EnsureSuccessStatusCode();
        Last = await response.Content.ReadFromJsonAsync<WebChatResponse>() ?? throw new InvalidOperationException("empty body");
        return Last;
    }

    public string LastText => string.Join("\n---\n", Last?.Replies.Select(r => r.Text) ?? []);
}
