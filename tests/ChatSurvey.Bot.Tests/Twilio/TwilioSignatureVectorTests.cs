using System.Text.Json;
using Twilio.Security;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>The worked example of Twilio's security docs (twilio.com/docs/usage/security#validating-requests).</summary>
public sealed class TwilioSignatureVectorTests
{
    private const string DocsExample = """
        {
          "authToken": "12345",
          "url": "https://mycompany.com/myapp.php?foo=1&bar=2",
          "params": {
            "CallSid": "CA1234567890ABCDE",
            "Caller": "+12349013030",
            "Digits": "1234",
            "From": "+12349013030",
            "To": "+18005551212"
          },
          "signature": "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        }
        """;

    private static readonly JsonElement Vector = JsonDocument.Parse(DocsExample).RootElement;

    private static string Token => Vector.GetProperty("authToken").GetString()!;

    private static string Url => Vector.GetProperty("url").GetString()!;

    private static string Signature => Vector.GetProperty("signature").GetString()!;

    private static Dictionary<string, string> Params() =>
        Vector.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public void DocsExample_TwilioRequestValidator_Valid() =>
        Assert.True(new RequestValidator(Token).Validate(Url, Params(), Signature));

    [Fact]
    public void DocsExample_TestSigner_ComputesTheDocumentedSignature() =>
        Assert.Equal(Signature, TwilioSigner.Sign(Token, Url, Params()));

    [Fact]
    public void DocsExample_OneValueChanged_Invalid()
    {
        var tampered = Params();
        tampered["Digits"] = "9999";
        Assert.False(new RequestValidator(Token).Validate(Url, tampered, Signature));
    }

    [Fact]
    public void DocsExample_QueryChanged_Invalid() =>
        Assert.False(new RequestValidator(Token).Validate(Url.Replace("bar=2", "bar=3", StringComparison.Ordinal), Params(), Signature));

    [Fact]
    public void DocsExample_OtherToken_Invalid() =>
        Assert.False(new RequestValidator("54321").Validate(Url, Params(), Signature));

    [Fact]
    public void WhatsAppUtf8Body_SignerAndValidatorAgree()
    {
        // Accents and an emoji: both sides must hash the UTF-8 of the decoded values.
        var form = new Dictionary<string, string> { ["Body"] = "¿Cuántos años? 😀 Sí", ["From"] = "whatsapp:+5215512345678", ["ProfileName"] = "José Núñez" };
        var url = "https://bot.example.com/webhooks/twilio";
        Assert.True(new RequestValidator("12345").Validate(url, form, TwilioSigner.Sign("12345", url, form)));
    }
}
