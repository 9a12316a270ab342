using ChatSurvey.Bot.Http;

namespace ChatSurvey.Bot.Tests.Deploy;

/// <summary>What may stand in Dashboard:PublicBaseUrl and Twilio:PublicBaseUrl in production and in Development.</summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("https://encuesta.example.org")]
    [InlineData("https://encuesta.example.org/")]
    [InlineData("https://encuesta.ogaipo.gob.mx:8443/chat")]
    [InlineData("https://203.0.113.7")]
    public void Problem_PublicHttpsOutsideDevelopment_None(string url) => Assert.Null(PublicAddress.Problem(url, development: false));

    [Theory]
    [InlineData("http://encuesta.example.org", "https")]
    [InlineData("https://localhost", "'localhost'")]
    [InlineData("https://app.localhost", "cannot reach")]
    [InlineData("https://127.0.0.1:8080", "cannot reach")]
    [InlineData("https://[::1]", "cannot reach")]
    [InlineData("https://0.0.0.0", "cannot reach")]
    [InlineData("https://10.1.2.3", "cannot reach")]
    [InlineData("https://172.30.91.5", "cannot reach")]
    [InlineData("https://192.168.1.10", "cannot reach")]
    [InlineData("https://[fd00::5]", "cannot reach")]
    [InlineData("https://bot", "'bot'")]
    [InlineData("https://encuesta.local", "cannot reach")]
    [InlineData("https://encuesta.example.org/?ref=x", "without query")]
    [InlineData("encuesta.example.org", "absolute")]
    [InlineData("", "absolute")]
    public void Problem_LocalPlainOrMalformedOutsideDevelopment_Named(string url, string expected) =>
        Assert.Contains(expected, PublicAddress.Problem(url, development: false), StringComparison.Ordinal);

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    public void Problem_LocalInDevelopment_None(string url) => Assert.Null(PublicAddress.Problem(url, development: true));
}
