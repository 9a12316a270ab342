using System.Security.Cryptography;
using System.Text;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// A person's pseudonym: HMAC-SHA256 of channel and channel user id under a secret key. The same person always maps to
/// the same pseudonym, and without the key nobody can go back from it to a phone number or chat id.
/// </summary>
public sealed class Pseudonymizer(byte[] key)
{
    public string For(ConversationKey person)
    {
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{person.Channel}\n{person.UserId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
