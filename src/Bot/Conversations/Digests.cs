using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// SHA-256 and HMAC-SHA256 of short texts, several times per turn (pseudonyms, message ids, outbox ids). The one-shot
/// APIs set up an OpenSSL context on every call (a fetch, an allocation, a free), which the profile showed as 5% of a
/// turn's CPU; here each thread keeps its contexts and resets them.
/// </summary>
public static class Digests
{
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    public static void Sha256(string text, Span<byte> hash) => Hash(_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256), text, hash);

    /// <summary>An HMAC-SHA256 under one key, with a context per thread.</summary>
    public static ThreadLocal<IncrementalHash> Hmac(byte[] key) => new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));

    public static void Hash(IncrementalHash digest, string text, Span<byte> hash)
    {
        const int StackLimit = 512;
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = size > StackLimit ? ArrayPool<byte>.Shared.Rent(size) : null;
        var buffer = rented ?? stackalloc byte[StackLimit];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        digest.AppendData(buffer[..length]);
        digest.GetHashAndReset(hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
