using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatSurvey.Bot.Channels.WebChat;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.WebChat;

public sealed class WebChatApiTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"text": "hola"}""", "id")]
    [InlineData("""{"id": "<script>alert(1)</script>", "text": "hola"}""", "id")]
    [InlineData("""{"id": "short", "text": "hola"}""", "id")]
    [InlineData("""{"id": "message-0001"}""", "text")]
    public async Task PostMessage_InvalidFields_BadRequestNamingTheField(string body, string field)
    {
        var token = await WebChatClient.OpenAsync(_host.Client);
        using var response = await _host.Client.PostAsync($"/api/chat/conversations/{token}/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<WebChatError>();
        Assert.StartsWith(field, error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_MalformedJson_BadRequest()
    {
        var token = await WebChatClient.OpenAsync(_host.Client);
        using var response = await _host.Client.PostAsync($"/api/chat/conversations/{token}/messages", new StringContent("{\"id\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenConversation_ReturnsAnUnguessableTokenAndAChallenge()
    {
        using var response = await _host.Client.PostAsync("/api/chat/conversations", null);
        var opened = await response.Content.ReadFromJsonAsync<WebChatConversation>();
        Assert.Matches("^[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}$", opened!.Conversation);
        Assert.Equal("SHA-256", opened.Challenge!.Algorithm);
        Assert.Contains($"conversation={opened.Conversation[..22]}", opened.Challenge.Salt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_ServesTheChatPage()
    {
        var html = await _host.Client.GetStringAsync("/");
        Assert.Contains("chat.js", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AliveAndReady()
    {
        using var alive = await _host.Client.GetAsync("/healthz");
        using var ready = await _host.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_WrongAnswer_FriendlyReaskWithChoices()
    {
        var chat = new WebChatClient(_host.Client);
        await chat.Send("/start");
        await chat.Send("si");
        var reply = await chat.Send("quizás");
        var reask = Assert.Single(reply.Replies);
        Assert.Equal("Responde 1 (Sí) o 2 (No), por favor.", reask.Text);
        Assert.Equal(["Sí", "No"], reask.Choices.Select(c => c.Label));
    }
}
