using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatSurvey.Bot.Channels.WebChat;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>Solves a proof-of-work challenge as the chat page does: tries every number up to maxnumber.</summary>
public static class ProofSolver
{
    public static string Solve(ProofChallenge challenge)
    {
        for (var number = 0; number <= challenge.Maxnumber; number++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Salt + number.ToString(CultureInfo.InvariantCulture))));
            if (hash == challenge.Challenge)
            {
                return Payload(challenge, number);
            }
        }

        throw new InvalidOperationException("no number up to maxnumber solves the challenge");
    }

    /// <summary>The page's answer: base64 of the challenge's fields with the number found.</summary>
    public static string Payload(ProofChallenge challenge, int number) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(
            new ProofSolution(challenge.Algorithm, challenge.Challenge, number, challenge.Salt, challenge.Signature), JsonSerializerOptions.Web));
}
