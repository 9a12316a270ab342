using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// A proof of work in ALTCHA's open challenge format, self-hosted: the bot picks a secret number, sends the SHA-256
/// of salt + number, and the page finds the number by trying them all. Cheap for one person (a fraction of a second on
/// a phone, while the privacy notice is read), costly for a script opening thousands of conversations. The salt binds
/// the challenge to one conversation and an expiry; the signature (HMAC) means the bot keeps no state.
/// </summary>
public sealed class ProofOfWork(byte[] key, ProofOfWorkOptions options, TimeProvider time)
{
    private const string Algorithm = "SHA-256";

    public bool Enabled => options.Enabled;

    public ProofChallenge Create(string conversation)
    {
        var expires = (time.GetUtcNow() + options.Lifetime).ToUnixTimeSeconds();
        var salt = string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}&conversation={conversation}");
        var number = RandomNumberGenerator.GetInt32(0, options.MaxNumber + 1);
        var challenge = Hash(salt, number);
        return new ProofChallenge(Algorithm, challenge, options.MaxNumber, salt, Sign(challenge));
    }

    /// <summary>Whether <paramref name="payload"/> (base64 of the solved challenge's JSON) proves work for this conversation.</summary>
    public bool Verify(string? payload, string conversation)
    {
        if (payload is not { Length: > 0 and <= 2048 })
        {
            return false;
        }

        ProofSolution? solution;
        try
        {
            solution = JsonSerializer.Deserialize<ProofSolution>(Convert.FromBase64String(payload), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }

        return solution is { Algorithm: Algorithm, Challenge: { } challenge, Salt: { } salt, Signature: { } signature, Number: >= 0 } &&
            solution.Number <= options.MaxNumber &&
            FixedTimeEquals(signature, Sign(challenge)) &&
            FixedTimeEquals(challenge, Hash(salt, solution.Number)) &&
            IsCurrentFor(salt, conversation);
    }

    /// <summary>The salt's parameters: not expired, and issued for this conversation.</summary>
    private bool IsCurrentFor(string salt, string conversation)
    {
        var query = salt.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? System.Web.HttpUtility.ParseQueryString(salt[(at + 1)..]) : null;
        return query is not null &&
            query["conversation"] == conversation &&
            long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) &&
            expires > time.GetUtcNow().ToUnixTimeSeconds();
    }

    private static string Hash(string salt, int number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    private string Sign(string challenge) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge)));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// <summary>
/// What the page solves: find <c>number</c> in 0..maxnumber with SHA-256(salt + number) = challenge.
/// <code>{"algorithm": "SHA-256", "challenge": "4b1e…", "maxnumber": 50000, "salt": "9f2c…?expires=1796300000&amp;conversation=Rk3m…", "signature": "a0c4…"}</code>
/// </summary>
public sealed record ProofChallenge(string Algorithm, string Challenge, int Maxnumber, string Salt, string Signature);

/// <summary>The solved challenge, as the page sends it (base64 of this JSON): the challenge's fields and the number found.</summary>
public sealed record ProofSolution(string? Algorithm, string? Challenge, int Number, string? Salt, string? Signature);
