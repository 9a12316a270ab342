namespace ChatSurvey.Domain.Answers;

/// <summary>
/// What <see cref="ListSplitter"/> needs to know of a question's option names: whether a text is one, and how far a
/// name can reach, so that joining pieces to find a name costs a bounded amount whatever the length of the answer.
/// </summary>
/// <param name="IsName">Whether a normalized text is exactly an option's name.</param>
/// <param name="LongestName">The length of the longest name, in characters.</param>
/// <param name="MostPieces">The most pieces a name spans when cut at the conjunctions ("arte y cultura": 2).</param>
/// <param name="IsConjunction">Whether a word joins list items ("y", "e", "and": each language pack's "and").</param>
public sealed record ListNames(Func<string, bool> IsName, int LongestName, int MostPieces, Func<string, bool> IsConjunction)
{
    /// <summary>The bounds measured on the names themselves.</summary>
    public static ListNames Of(IEnumerable<string> normalizedNames, Func<string, bool> isName, Func<string, bool> isConjunction)
    {
        var longest = 0;
        var mostPieces = 1;
        foreach (var name in normalizedNames)
        {
            longest = Math.Max(longest, name.Length);
            mostPieces = Math.Max(mostPieces, 1 + name.Split(' ').Count(isConjunction));
        }

        return new(isName, longest, mostPieces, isConjunction);
    }
}
