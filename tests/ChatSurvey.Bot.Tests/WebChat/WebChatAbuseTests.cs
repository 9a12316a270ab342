using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChatSurvey.Bot.Channels.WebChat;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>The open web chat against scripts: oversized bodies, bursts, invented conversations and promoters.</summary>
public sealed class WebChatAbuseTests
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    [Theory]
    [InlineData("/api/chat/conversations")]
    [InlineData("/api/chat/conversations/{token}/messages")]
    public async Task Body_5MegabytesDeclared_413(string path)
    {
        await using var host = await BotHost.StartAsync();
        var token = await WebChatClient.OpenAsync(host.Client);
        using var content = new ByteArrayContent(new byte[FiveMegabytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Client.PostAsync(path.Replace("{token}", token, StringComparison.Ordinal), content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>Chunked, so there is no length to refuse up front: the server stops reading at the limit.</summary>
    [Fact]
    public async Task Body_5MegabytesChunkedWithoutLength_413()
    {
        await using var host = await BotHost.StartAsync();
        var token = await WebChatClient.OpenAsync(host.Client);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/chat/conversations/{token}/messages HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string(' ', 0x10000)}\r\n");
        try
        {
            for (var sent = 0; sent < FiveMegabytes; sent += 0x10000)
            {
                await stream.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // The server answered and closed the connection before the body ended: what is wanted.
        }

        var answer = new byte[256];
        var read = await stream.ReadAsync(answer);
        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewConversations_BurstFromOneAddress_429WithRetryAfter_WhileOthersKeepAnswering()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["WebChat:NewConversationsPerHour"] = "3",
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        using var someoneVia = Via(host, "198.51.100.9");
        var someone = new WebChatClient(someoneVia);
        await someone.Send("/start");

        var burst = new List<HttpStatusCode>();
        using var script = Via(host, "203.0.113.7");
        for (var i = 0; i < 6; i++)
        {
            using var opened = await script.PostAsync("/api/chat/conversations", null);
            burst.Add(opened.StatusCode);
            if (opened.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(opened.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], burst);
        var answer = await someone.Send("si");
        Assert.Contains("Pregunta 1 de 12", answer.Replies[0].Text, StringComparison.Ordinal);
        using var neighbourVia = Via(host, "198.51.100.10");
        using var neighbour = await neighbourVia.PostAsync("/api/chat/conversations", null);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedAddress_IgnoredSoTheLimitStillHolds()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["WebChat:NewConversationsPerHour"] = "2" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var via = Via(host, $"203.0.113.{i + 1}");
            using var opened = await via.PostAsync("/api/chat/conversations", null);
            statuses.Add(opened.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Messages_FasterThanTheConversationsAllowance_429WithRetryAfter()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["WebChat:MessageBurst"] = "4",
            ["WebChat:MessagesPerSecond"] = "0.1",
        });
        var chat = new WebChatClient(host.Client);
        var statuses = new List<HttpStatusCode>();
        // Four requests: the notice, the consent (refused for want of a proof of work, then sent again with it), help.
        foreach (var text in new[] { "/start", "si", "ayuda", "estado" })
        {
            using var response = await chat.Post(text);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AllWebChatRequests_OverTheCeiling_429()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["WebChat:GlobalRequestsPerSecond"] = "3" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var opened = await host.Client.PostAsync("/api/chat/conversations", null);
            statuses.Add(opened.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("conversation-0001")]
    [InlineData("5f0c2e7a9b1d4c3e8f6a2b7c9d0e1f2a")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Conversation_NotIssuedByTheBot_404(string invented)
    {
        await using var host = await BotHost.StartAsync();
        using var response = await host.Client.PostAsJsonAsync($"/api/chat/conversations/{invented}/messages", new WebChatMessage("message-0001", "/start"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Conversation_IssuedByAnotherDeployment_404()
    {
        await using var other = await BotHost.StartAsync(new Dictionary<string, string?> { ["Privacy:PseudonymKey"] = "another deployment" });
        var foreign = await WebChatClient.OpenAsync(other.Client);
        await using var host = await BotHost.StartAsync();
        using var response = await host.Client.PostAsJsonAsync($"/api/chat/conversations/{foreign}/messages", new WebChatMessage("message-0001", "/start"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FirstAnswer_WithoutProofOfWork_403WithChallenge_AcceptedOnceSolved()
    {
        await using var host = await BotHost.StartAsync();
        var token = await WebChatClient.OpenAsync(host.Client);
        var notice = await Send(host, token, "/start");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);

        using var refused = await Send(host, token, "si");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var challenge = (await refused.Content.ReadFromJsonAsync<WebChatError>())!.Challenge!;

        using var accepted = await Send(host, token, "si", ProofSolver.Solve(challenge));
        var body = (await accepted.Content.ReadFromJsonAsync<WebChatResponse>())!;
        Assert.Contains("Pregunta 1 de 12", body.Replies[0].Text, StringComparison.Ordinal);
        Assert.NotNull(body.Conversation);
        Assert.StartsWith(token[..23], body.Conversation, StringComparison.Ordinal);
        Assert.NotEqual(token, body.Conversation);

        using var next = await Send(host, body.Conversation, "si");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task ProofOfWork_SolvedForAnotherConversation_Refused()
    {
        await using var host = await BotHost.StartAsync();
        var mine = await WebChatClient.OpenAsync(host.Client);
        var theirs = await WebChatClient.OpenAsync(host.Client);
        using var asked = await Send(host, mine, "si");
        var proof = ProofSolver.Solve((await asked.Content.ReadFromJsonAsync<WebChatError>())!.Challenge!);

        using var replayed = await Send(host, theirs, "si", proof);
        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
    }

    [Fact]
    public async Task Start_WithAnInventedPromoterCode_NotCredited_ARealOneIs()
    {
        await using var host = await BotHost.StartAsync();
        await host.AddPromoterAsync("radio_ixtlan");
        foreach (var code in new[] { "inventado", "radio_ixtlan" })
        {
            var chat = new WebChatClient(host.Client);
            await chat.Send($"/start {code}");
            await chat.Send("si");
        }

        var started = await Eventually.Get(() => host.QueryAsync("SELECT COALESCE(promoter, '-') FROM conversation_events WHERE type = 'started' ORDER BY promoter"), r => r.Count == 2, "both starts in the store");
        Assert.Equal(["-", "radio_ixtlan"], started.Select(r => r[0]));
    }

    private static async Task<HttpResponseMessage> Send(BotHost host, string token, string text, string? proof = null) =>
        await host.Client.PostAsJsonAsync($"/api/chat/conversations/{token}/messages", new WebChatMessage($"m-{Guid.NewGuid():N}", text, proof));

    /// <summary>A client that says it comes through a proxy on behalf of <paramref name="address"/>.</summary>
    private static HttpClient Via(BotHost host, string address)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
