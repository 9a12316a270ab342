using System.Security.Cryptography;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// A person's pseudonym: HMAC-SHA256 of channel and channel user id under a secret key. The same person always maps to
/// the same pseudonym, and without the key nobody can go back from it to a phone number or chat id.
/// </summary>
public sealed class Pseudonymizer(byte[] key)
{
    private readonly ThreadLocal<IncrementalHash> _hmac = Digests.Hmac(key);

    public string For(ConversationKey person)
    {
        Span<byte> hash = stackalloc byte[32];
        Digests.Hash(_hmac.Value!, $"{person.Channel}\n{person.UserId}", hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
