using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.WebChat;

public sealed class WebChatApiTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"id": "message-0001", "text": "hola"}""", "conversation")]
    [InlineData("""{"conversation": "short", "id": "message-0001", "text": "hola"}""", "conversation")]
    [InlineData("""{"conversation": "conversation-0001", "text": "hola"}""", "id")]
    [InlineData("""{"conversation": "conversation-0001", "id": "<script>alert(1)</script>", "text": "hola"}""", "id")]
    [InlineData("""{"conversation": "conversation-0001", "id": "message-0001"}""", "text")]
    public async Task PostMessage_InvalidFields_BadRequestNamingTheField(string body, string field)
    {
        using var response = await _host.Client.PostAsync("/api/chat/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<Channels.WebChat.WebChatError>();
        Assert.StartsWith(field, error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_MalformedJson_BadRequestAndNothingStarted()
    {
        using var response = await _host.Client.PostAsync("/api/chat/messages", new StringContent("{\"conversation\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_TextOverEndpointLimit_BadRequest()
    {
        var chat = new WebChatClient(_host.Client);
        using var response = await _host.Client.PostAsJsonAsync("/api/chat/messages", new Channels.WebChat.WebChatMessage(chat.Conversation, "message-0001", new string('a', 8001)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
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
