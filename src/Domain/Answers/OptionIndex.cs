using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Answers;

/// <summary>
/// The normalized names of a question's options (texts in every language, aliases), built once per survey so that
/// matching a typed answer allocates nothing.
/// </summary>
public sealed class OptionIndex
{
    private static readonly string[] NumberPrefixes = ["opcion ", "numero ", "la ", "el ", "no. ", "#", "option ", "number "];

    /// <summary>The first characters of <see cref="NumberPrefixes"/>: an item starting otherwise has no prefix to strip.</summary>
    private static readonly System.Buffers.SearchValues<char> PrefixStarts = System.Buffers.SearchValues.Create([.. NumberPrefixes.Select(p => p[0]).Distinct()]);
    private readonly string[][] _names;
    private readonly string[][] _exact;
    private readonly ListNames _listNames;

    /// <summary>Every alias, code and normalized text, to the first option that has it.</summary>
    private readonly Dictionary<string, int> _exactIndex = new(StringComparer.Ordinal);

    public OptionIndex(IReadOnlyList<SurveyOption> options)
    {
        Count = options.Count;
        _names = new string[options.Count][];
        _exact = new string[options.Count][];
        for (var i = 0; i < options.Count; i++)
        {
            var texts = options[i].Text.Languages.Select(options[i].Text.Get).Append(options[i].Text.Default);
            _names[i] = [.. texts.Select(TextNormalizer.Normalize).Where(n => n.Length > 0).Distinct()];
            _exact[i] = [.. options[i].Aliases.Select(TextNormalizer.Normalize).Append(TextNormalizer.Normalize(options[i].Code)).Distinct()];
            foreach (var name in _exact[i].Concat(_names[i]))
            {
                _exactIndex.TryAdd(name, i);
            }
        }

        _listNames = ListNames.Of(_exactIndex.Keys, IsExactName);
    }

    public int Count { get; }

    /// <summary>
    /// Finds the option an item names: its number ("3", "la 3", "opción 3"), its text or alias, a unique start of its
    /// text ("tele"), or a unique word inside it ("facebook").
    /// </summary>
    public ParseResult<int> Match(string item)
    {
        if (item.Length == 0)
        {
            return ParseResult<int>.Invalid(Rejection.Empty);
        }

        if (TryNumber(item, out var number))
        {
            return number >= 1 && number <= Count ? ParseResult<int>.Ok(number - 1) : ParseResult<int>.Invalid(Rejection.OutOfRange);
        }

        var exact = ExactIndex(item);
        if (exact >= 0)
        {
            return ParseResult<int>.Ok(exact);
        }

        // One or two letters are too little to guess from ("m" could be Malo or Magazines); they must be exact.
        if (item.Length < 3)
        {
            return ParseResult<int>.Invalid(Rejection.NotUnderstood);
        }

        var byStart = Unique(item, static (name, text) => name.StartsWith(text, StringComparison.Ordinal));
        if (byStart.IsOk || byStart.Rejection == Rejection.Ambiguous || item.Length < 4)
        {
            return byStart;
        }

        return Unique(item, static (name, text) => name.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>
    /// The options a list answer names, in the order given, each once. Rejected when any item is not understood,
    /// so that a typo never silently drops a choice.
    /// </summary>
    public ParseResult<List<int>> MatchList(string normalized)
    {
        if (normalized.Length == 0)
        {
            return ParseResult<List<int>>.Invalid(Rejection.Empty);
        }

        // A whole option text pasted in ("Redes sociales (Twitter, Facebook, …)") is one item despite its commas.
        var whole = ExactIndex(normalized);
        if (whole >= 0)
        {
            return ParseResult<List<int>>.Ok([whole]);
        }

        // No option is named twice, so a list with more items than there are options is wrong whatever its items.
        var items = ListSplitter.Split(normalized, _listNames, Count);
        if (items.Count > Count)
        {
            return ParseResult<List<int>>.Invalid(Rejection.TooMany);
        }

        var chosen = new List<int>(items.Count);
        foreach (var item in items)
        {
            var match = Match(item);
            if (!match.IsOk)
            {
                return ParseResult<List<int>>.Invalid(match.Rejection);
            }

            if (chosen.Contains(match.Value))
            {
                return ParseResult<List<int>>.Invalid(Rejection.Repeated);
            }

            chosen.Add(match.Value);
        }

        return chosen.Count == 0 ? ParseResult<List<int>>.Invalid(Rejection.Empty) : ParseResult<List<int>>.Ok(chosen);
    }

    private bool IsExactName(string item) => ExactIndex(item) >= 0;

    /// <summary>The first option whose alias, code or text is exactly <paramref name="item"/>; -1 when none is.</summary>
    private int ExactIndex(string item) => _exactIndex.TryGetValue(item, out var index) ? index : -1;

    /// <summary>A whole number, allowing the ways people point at a list entry ("la 3", "#3").</summary>
    public static bool TryNumber(string item, out int number)
    {
        var span = item.AsSpan();
        // Only items that start like a prefix are compared with the prefixes: "3", "12" and "b" go straight on.
        if (!span.IsEmpty && PrefixStarts.Contains(span[0]))
        {
            foreach (var prefix in NumberPrefixes)
            {
                if (span.StartsWith(prefix, StringComparison.Ordinal))
                {
                    span = span[prefix.Length..].Trim();
                    break;
                }
            }
        }

        return int.TryParse(span, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    private ParseResult<int> Unique(string item, Func<string, string, bool> matches)
    {
        var found = -1;
        for (var i = 0; i < Count; i++)
        {
            foreach (var name in _names[i])
            {
                if (!matches(name, item))
                {
                    continue;
                }

                if (found >= 0 && found != i)
                {
                    return ParseResult<int>.Invalid(Rejection.Ambiguous);
                }

                found = i;
            }
        }

        return found >= 0 ? ParseResult<int>.Ok(found) : ParseResult<int>.Invalid(Rejection.NotUnderstood);
    }
}
