namespace ChatSurvey.Domain.Answers;

/// <summary>
/// Ranked picks: "3 1 7 12 5" at once, or a few at a time ("salud", "4 y 9"), never an option already chosen and
/// never more than the places left.
/// </summary>
public static class RankedParser
{
    public static ParseResult<List<int>> Parse(string normalized, OptionIndex options, IReadOnlyList<int> chosen, int placesLeft)
    {
        var picks = options.MatchList(normalized);
        if (!picks.IsOk)
        {
            return picks;
        }

        foreach (var pick in picks.Value)
        {
            if (chosen.Contains(pick))
            {
                return ParseResult<List<int>>.Invalid(Rejection.Repeated);
            }
        }

        return picks.Value.Count > placesLeft ? ParseResult<List<int>>.Invalid(Rejection.TooMany) : picks;
    }
}
