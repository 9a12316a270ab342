using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// Every endpoint the app maps, read from its EndpointDataSource, called without signing in: all refuse except the
/// few that are public by design. A route added later is checked without anyone remembering to list it.
/// </summary>
public sealed class AnonymousAccessTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    /// <summary>The chat, the platforms' webhooks, health probes, metrics, the sign-in form, promoters' token pages and the public results.</summary>
    private static readonly string[] PublicPrefixes = ["/api/chat/", "/webhooks/", "/healthz", "/readyz", "/metrics", "/staff/login", "/p/{token}", "/resultados"];

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["{code}"] = "radio_ixtlan", ["{token}"] = "AAAAAAAAAAAAAAAAAAAAAA", ["{kind}"] = "web", ["{format}"] = "png", ["{id}"] = "2026-12-01",
    };

    [Fact]
    public async Task EveryNonPublicEndpoint_Anonymous_RefusedOrSentToSignIn()
    {
        var endpoints = Endpoints().Where(e => !IsPublic(e.Pattern)).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found: {string.Join(", ", endpoints.Select(e => e.Pattern))}");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Host.BaseAddress };
        foreach (var (pattern, method, _) in endpoints)
        {
            var path = Samples.Aggregate(pattern, (p, s) => p.Replace(s.Key, s.Value, StringComparison.Ordinal));
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "x", ["pseudonym"] = new string('a', 32) });
            }

            using var response = await anonymous.SendAsync(request);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/staff/login?returnUrl=", StringComparison.Ordinal));
            Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} to an anonymous request");
        }
    }

    [Fact]
    public void EveryStaffEndpoint_ButSignIn_CarriesAnAuthorizationPolicy()
    {
        var open = Endpoints().Where(e => e.Pattern.StartsWith("/staff", StringComparison.Ordinal) && !e.Pattern.StartsWith("/staff/login", StringComparison.Ordinal) && !e.Authorized);
        Assert.Empty(open);
    }

    [Fact]
    public async Task StaticDashboardAssets_Anonymous_ServedForTheSignInPage()
    {
        using var anonymous = new HttpClient { BaseAddress = dashboard.Host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/staff/staff.css", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/staff/staff.js", UriKind.Relative))).StatusCode);
    }

    private List<(string Pattern, string Method, bool Authorized)> Endpoints() =>
    [
        .. dashboard.Host.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(e =>
            (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
                ("/" + e.RoutePattern.RawText!.TrimStart('/'), m, e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null))),
    ];

    private static bool IsPublic(string pattern) => pattern == "/" || PublicPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal));
}
