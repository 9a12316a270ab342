using ChatSurvey.Bot.Health;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Deploy;

/// <summary>`ChatSurvey.Bot health`, the compose file's health check.</summary>
public sealed class HealthCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/readyz")]
    [InlineData("http://+:8080;https://+:8443", "http://127.0.0.1:8080/readyz")]
    [InlineData("http://[::]:9000", "http://127.0.0.1:9000/readyz")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/readyz")]
    [InlineData(null, "http://127.0.0.1:8080/readyz")]
    public void ReadyUrl_ListenAddresses_LoopbackReadyz(string? urls, string expected) =>
        Assert.Equal(new Uri(expected), HealthCommand.ReadyUrl(urls));

    [Fact]
    public async Task Health_BotListeningOnEveryInterface_ExitsZero()
    {
        await using var host = await BotHost.StartAsync();
        using var error = new StringWriter();
        Assert.Equal(0, await HealthCommand.RunAsync($"http://0.0.0.0:{host.BaseAddress.Port}", error));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Health_NothingListening_ExitsOneNamingTheAddress()
    {
        var port = FreePort.Next();
        using var error = new StringWriter();
        Assert.Equal(1, await HealthCommand.RunAsync($"http://0.0.0.0:{port}", error));
        Assert.Contains($"http://127.0.0.1:{port}/readyz", error.ToString(), StringComparison.Ordinal);
    }
}
