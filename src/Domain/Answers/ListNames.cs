namespace ChatSurvey.Domain.Answers;

/// <summary>
/// What <see cref="ListSplitter"/> needs to know of a question's option names: whether a text is one, and how far a
/// name can reach, so that joining pieces to find a name costs a bounded amount whatever the length of the answer.
/// </summary>
/// <param name="IsName">Whether a normalized text is exactly an option's name.</param>
/// <param name="LongestName">The length of the longest name, in characters.</param>
/// <param name="MostPieces">The most pieces a name spans when cut at "y", "e" and "and" ("arte y cultura": 2).</param>
public sealed record ListNames(Func<string, bool> IsName, int LongestName, int MostPieces)
{
    /// <summary>The bounds measured on the names themselves.</summary>
    public static ListNames Of(IEnumerable<string> normalizedNames, Func<string, bool> isName)
    {
        var longest = 0;
        var mostPieces = 1;
        foreach (var name in normalizedNames)
        {
            longest = Math.Max(longest, name.Length);
            mostPieces = Math.Max(mostPieces, 1 + name.Split(' ').Count(ListSplitter.IsConjunction));
        }

        return new(isName, longest, mostPieces);
    }
}
