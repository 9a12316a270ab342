using System.Security.Cryptography;
using System.Text;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Conversations;

/// <summary>Pseudonyms and stored ids must never change value: the reused contexts give the one-shot APIs' hashes.</summary>
public sealed class DigestsTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a pseudonym key");

    [Fact]
    public async Task Pseudonym_ManyThreadsAndLongIds_SameAsOneShotHmac()
    {
        var pseudonyms = new Pseudonymizer(Key);
        string[] ids = ["5544332211", "+529511234567", "ñandú ☃", new string('9', 3000)];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var round = 0; round < 200; round++)
            {
                foreach (var id in ids)
                {
                    var person = new ConversationKey(Channel.Telegram, id);
                    var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{person.Channel}\n{id}")).AsSpan(0, 16));
                    Assert.Equal(expected, pseudonyms.For(person));
                }
            }
        })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("telegram:123456")]
    [InlineData("ñandú ☃ 🙂")]
    public void Sha256_ShortTexts_SameAsOneShot(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        Digests.Sha256(text, hash);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(text)), hash.ToArray());
        Digests.Sha256(text, hash);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(text)), hash.ToArray());
    }
}
