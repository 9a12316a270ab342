using System.Net;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>Forged, unsigned and mis-addressed webhooks change nothing; the public URL is the one that counts.</summary>
public sealed class TwilioWebhookSecurityTests
{
    private const string Person = "whatsapp:+5215511110001";

    [Fact]
    public async Task MissingSignature_403_NothingStoredOrSent()
    {
        await using var bot = await TwilioBot.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio") { Content = new FormUrlEncodedContent(bot.Message(Person, "Hola")) };
        using var response = await bot.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUntouched(bot);
    }

    [Fact]
    public async Task SignedWithAnotherToken_403_NothingStoredOrSent()
    {
        await using var bot = await TwilioBot.StartAsync();
        var form = bot.Message(Person, "Hola");
        using var response = await bot.PostAsync(form, signature: TwilioSigner.Sign("not-the-token", TwilioBot.PublicBaseUrl + "/webhooks/twilio", form));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUntouched(bot);
    }

    [Fact]
    public async Task BodyChangedAfterSigning_403_NothingStoredOrSent()
    {
        await using var bot = await TwilioBot.StartAsync();
        var form = bot.Message(Person, "Hola");
        var signature = TwilioSigner.Sign(FakeTwilioApi.AuthToken, TwilioBot.PublicBaseUrl + "/webhooks/twilio", form);
        form["Body"] = "borrar";
        using var response = await bot.PostAsync(form, signature: signature);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUntouched(bot);
    }

    [Fact]
    public async Task SignedForPublicUrl_BehindProxy_Accepted()
    {
        await using var bot = await TwilioBot.StartAsync();
        using var response = await bot.PostAsync(bot.Message(Person, "Hola"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.ReceivedContainingAsync(Person, "Aviso de privacidad");
    }

    [Fact]
    public async Task SignedForInternalUrl_Rejected()
    {
        await using var bot = await TwilioBot.StartAsync();
        var internalUrl = new Uri(bot.Host.BaseAddress, "/webhooks/twilio").ToString();
        using var response = await bot.PostAsync(bot.Message(Person, "Hola"), signedUrl: internalUrl);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUntouched(bot);
    }

    [Fact]
    public async Task ForwardedHeaders_DoNotChangeTheSignedUrl()
    {
        await using var bot = await TwilioBot.StartAsync();
        var internalUrl = new Uri(bot.Host.BaseAddress, "/webhooks/twilio").ToString();
        void Forwarded(HttpRequestMessage r)
        {
            r.Headers.Add("X-Forwarded-Host", bot.Host.BaseAddress.Authority);
            r.Headers.Add("X-Forwarded-Proto", "http");
            r.Headers.Add("Forwarded", $"host={bot.Host.BaseAddress.Authority};proto=http");
        }

        // Headers that point at the internal URL do not make its signature valid...
        using var forged = await bot.PostAsync(bot.Message(Person, "Hola"), signedUrl: internalUrl, adjust: Forwarded);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        await AssertUntouched(bot);

        // ...and headers naming another host do not make the public signature invalid.
        using var genuine = await bot.PostAsync(bot.Message(Person, "Hola"), adjust: r => r.Headers.Add("X-Forwarded-Host", "evil.example"));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task QueryString_SignedByteForByte_Accepted()
    {
        await using var bot = await TwilioBot.StartAsync();
        const string path = "/webhooks/twilio?source=poster&note=It%27s";
        using var response = await bot.PostAsync(bot.Message(Person, "Hola"), path: path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The same URL with the quote unescaped is another URL: Twilio signed what it requested.
        using var other = await bot.PostAsync(bot.Message(Person, "Hola"), path: path, signedUrl: TwilioBot.PublicBaseUrl + "/webhooks/twilio?source=poster&note=It's");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task RepeatedFormKey_CannotBeVerified_Rejected()
    {
        await using var bot = await TwilioBot.StartAsync();
        var form = bot.Message(Person, "Hola");
        var pairs = form.Select(p => p).Append(new("Body", "otro")).ToList();
        // Signed the way Twilio's other libraries would (sorted values); the C# validator cannot represent it.
        var signature = TwilioSigner.Sign(FakeTwilioApi.AuthToken, TwilioBot.PublicBaseUrl + "/webhooks/twilio", pairs.OrderBy(p => p.Value, StringComparer.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio") { Content = new FormUrlEncodedContent(pairs) };
        request.Headers.Add("X-Twilio-Signature", signature);
        using var response = await bot.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUntouched(bot);
    }

    [Fact]
    public async Task StatusCallback_UnsignedRefused_SignedAccepted()
    {
        await using var bot = await TwilioBot.StartAsync();
        var status = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM0000000000000000000000000000000a", ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30008",
            ["To"] = Person, ["From"] = TwilioBot.WhatsAppFrom, ["AccountSid"] = FakeTwilioApi.AccountSid, ["ApiVersion"] = "2010-04-01",
        };
        using var unsigned = await bot.PostAsync(status, path: "/webhooks/twilio/status", signature: "bm90IGEgc2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        using var signed = await bot.PostAsync(status, path: "/webhooks/twilio/status");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task Body_5MegabytesSigned_413Unread()
    {
        await using var bot = await TwilioBot.StartAsync();
        var form = bot.Message(Person, new string('a', 5 * 1024 * 1024));
        using var response = await bot.PostAsync(form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertUntouched(bot);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    public async Task Body_NotUrlencoded_415(string contentType)
    {
        await using var bot = await TwilioBot.StartAsync();
        var form = bot.Message(Person, "Hola");
        using var response = await bot.PostAsync(form, adjust: request =>
        {
            request.Content!.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertUntouched(bot);
    }

    /// <summary>No turn was committed, so nothing can have been stored or sent.</summary>
    private static async Task AssertUntouched(TwilioBot bot)
    {
        Assert.Equal(0, (await bot.ConversationAsync(Channel.WhatsApp, Person["whatsapp:".Length..])).Version);
        Assert.Empty(bot.Api.Requests);
    }
}
