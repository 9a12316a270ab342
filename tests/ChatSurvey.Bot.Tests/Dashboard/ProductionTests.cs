using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>What differs outside Development: HSTS, Secure cookies, and links built only from the configured address.</summary>
public sealed class ProductionTests
{
    [Fact]
    public async Task Production_BehindATrustedTlsProxy_HstsAndSecureCookies()
    {
        var settings = StaffAccounts.Settings();
        settings["Dashboard:PublicBaseUrl"] = "https://encuesta.example.org";
        settings["Proxy:KnownProxies:0"] = "127.0.0.1";
        await using var host = await BotHost.StartAsync(settings, "Production");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        // ASP.NET Core never sends HSTS to localhost; the proxy passes the public name on.
        request.Headers.Host = "encuesta.example.org";
        using var response = await host.Client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS on a request that came over HTTPS");
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chatsurvey_af", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Production_WithoutPublicBaseUrl_StartupStopsNamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(StaffAccounts.Settings(), "Production"));
        Assert.Contains("Dashboard:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://encuesta.example.org", "https")]
    [InlineData("https://127.0.0.1:8080", "cannot reach")]
    [InlineData("https://localhost", "cannot reach")]
    public async Task Production_LocalOrPlainHttpPublicBaseUrl_StartupStopsSayingWhy(string url, string why)
    {
        var settings = StaffAccounts.Settings();
        settings["Dashboard:PublicBaseUrl"] = url;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(settings, "Production"));
        Assert.Contains("Dashboard:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains(why, failure.Message, StringComparison.Ordinal);
    }
}
