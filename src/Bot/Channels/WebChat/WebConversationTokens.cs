using System.Security.Cryptography;
using System.Text;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// Web conversation ids, issued by the bot: 128 random bits and a MAC, so a client can neither choose nor guess one
/// and every new person on the web chat went through the rate-limited door that issues them. The MAC says whether
/// the conversation has shown its proof of work yet ("new" or "verified"); the id alone is the conversation's key.
/// <code>Rk3mT2Zb0Qw8xYp1L5cD9A.3hG7kPq0VbN2sXc4Tz8w1Q</code>
/// </summary>
public sealed class WebConversationTokens(byte[] key)
{
    private const int IdBytes = 16;
    private const int MacBytes = 16;

    /// <summary>A new conversation, not verified yet.</summary>
    public string Issue() => Token(System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes)), verified: false);

    /// <summary>The token that says this conversation has shown its proof of work.</summary>
    public string Verified(string id) => Token(id, verified: true);

    /// <summary>The conversation id and whether it is verified, or false for anything this bot did not issue.</summary>
    public bool TryRead(string? token, out string id, out bool verified)
    {
        id = "";
        verified = false;
        if (token is not { Length: 45 } || token[22] != '.')
        {
            return false;
        }

        var candidate = token[..22];
        var mac = Encoding.ASCII.GetBytes(token[23..]);
        if (FixedTimeEquals(mac, candidate, verified: true))
        {
            (id, verified) = (candidate, true);
            return true;
        }

        if (FixedTimeEquals(mac, candidate, verified: false))
        {
            id = candidate;
            return true;
        }

        return false;
    }

    private bool FixedTimeEquals(byte[] mac, string id, bool verified) =>
        CryptographicOperations.FixedTimeEquals(mac, Encoding.ASCII.GetBytes(Mac(id, verified)));

    private string Token(string id, bool verified) => $"{id}.{Mac(id, verified)}";

    private string Mac(string id, bool verified) =>
        System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"web-conversation\n{id}\n{(verified ? "verified" : "new")}")).AsSpan(0, MacBytes));
}
