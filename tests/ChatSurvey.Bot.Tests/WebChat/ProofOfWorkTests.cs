using System.Text;
using System.Text.Json;
using ChatSurvey.Bot.Channels.WebChat;
using Microsoft.Extensions.Time.Testing;

namespace ChatSurvey.Bot.Tests.WebChat;

public sealed class ProofOfWorkTests
{
    private const string Conversation = "Rk3mT2Zb0Qw8xYp1L5cD9A";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly ProofOfWork _proof;

    public ProofOfWorkTests() => _proof = new ProofOfWork("proof-key"u8.ToArray(), new ProofOfWorkOptions { MaxNumber = 2000 }, _time);

    [Fact]
    public void Verify_SolvedChallenge_Accepted() =>
        Assert.True(_proof.Verify(ProofSolver.Solve(_proof.Create(Conversation)), Conversation));

    [Fact]
    public void Verify_AfterTheChallengeExpired_Refused()
    {
        var solved = ProofSolver.Solve(_proof.Create(Conversation));
        _time.Advance(new ProofOfWorkOptions().Lifetime + TimeSpan.FromSeconds(1));
        Assert.False(_proof.Verify(solved, Conversation));
    }

    [Fact]
    public void Verify_ForAnotherConversation_Refused() =>
        Assert.False(_proof.Verify(ProofSolver.Solve(_proof.Create(Conversation)), "AAAAAAAAAAAAAAAAAAAAAA"));

    [Fact]
    public void Verify_ChallengeMadeUpByTheClient_Refused()
    {
        var real = _proof.Create(Conversation);
        var forged = real with { Salt = $"00?expires=9999999999&conversation={Conversation}", Challenge = Hash("00?expires=9999999999&conversation=" + Conversation + "7") };
        Assert.False(_proof.Verify(ProofSolver.Payload(forged, 7), Conversation));
    }

    [Fact]
    public void Verify_WrongNumber_Refused()
    {
        var challenge = _proof.Create(Conversation);
        var solved = JsonSerializer.Deserialize<ProofSolution>(Convert.FromBase64String(ProofSolver.Solve(challenge)), JsonSerializerOptions.Web)!;
        Assert.False(_proof.Verify(ProofSolver.Payload(challenge, (solved.Number + 1) % 2001), Conversation));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no es base64 !")]
    [InlineData("bnVsbA==")]
    [InlineData("e30=")]
    [InlineData("eyJudW1iZXIiOiAiYWJjIn0=")]
    public void Verify_Garbage_Refused(string? payload) => Assert.False(_proof.Verify(payload, Conversation));

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
