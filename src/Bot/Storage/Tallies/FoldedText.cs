using System.Security.Cryptography;
using System.Text;
using ChatSurvey.Domain.Answers;

namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// A free text as search and grouping see it: folded the way the bot reads answers (lower case, no accents, single
/// spaces, no surrounding punctuation), so "corrupcion" finds "Corrupción." and the two count as one text.
/// </summary>
public static class FoldedText
{
    public static string Of(string text) => TextNormalizer.Normalize(text);

    /// <summary>What a review mark is kept by: a hash of the folded text (the review table holds no text of anyone's).</summary>
    public static string Hash(string folded) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)).AsSpan(0, 16));
}
