using System.Security.Cryptography;
using System.Text;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>
/// Signs test webhooks the way Twilio does (its security docs): the full URL, then each POST parameter name and value
/// sorted by name (ordinal), HMAC-SHA1 with the auth token, base64. Checked against the docs' own example.
/// </summary>
public static class TwilioSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // HMAC-SHA1 is Twilio's signature scheme; the test must compute exactly that.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }
}
