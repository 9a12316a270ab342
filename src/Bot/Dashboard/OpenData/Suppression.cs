namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// Small counts withheld from what the public sees (PublicResults:MinCount, 5 by default): a count from 1 to 4 is not
/// shown, and when it is the only one withheld in a group whose total is shown, the next smallest is withheld too, so
/// it cannot be worked out by subtraction. Zero is shown: it says nobody, not who.
/// </summary>
public sealed class Suppression(int minCount)
{
    public int MinCount => minCount;

    public bool IsSmall(long count) => count > 0 && count < minCount;

    /// <summary>Which counts of a group to withhold.</summary>
    public bool[] Apply(IReadOnlyList<long> counts)
    {
        var hidden = counts.Select(IsSmall).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i] && counts[i] > 0).OrderBy(i => counts[i]).Cast<int?>().FirstOrDefault();
            if (next is { } i)
            {
                hidden[i] = true;
            }
        }

        return hidden;
    }

    /// <summary>A count as the public reads it: the number, or "menos de 5".</summary>
    public string Show(long count) => IsSmall(count) ? $"menos de {minCount}" : Html.Format.Count(count);

    /// <summary>What stands for a withheld count: "menos de 5", or, for one withheld so another cannot be worked out, "no se muestra".</summary>
    public string Withheld(long count) => IsSmall(count) ? $"menos de {minCount}" : "no se muestra";
}
