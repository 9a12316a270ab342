using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Answers;

/// <summary>
/// The normalized names of a question's options (texts in every language, aliases), built once per survey so that
/// matching a typed answer allocates nothing.
/// </summary>
public sealed class OptionIndex
{
    /// <summary>In <see cref="_stems"/>: a stem that two options share, which picks neither.</summary>
    private const int SharedStem = -2;

    private readonly string[][] _names;
    private readonly ListNames _listNames;
    private readonly Vocabulary _vocabulary;

    /// <summary>Every alias, code and normalized text, to the first option that has it.</summary>
    private readonly Dictionary<string, int> _exactIndex = new(StringComparer.Ordinal);

    /// <summary>Names and aliases without their agreement endings ("buen" for Bueno), so "buenas" and "pésima" are understood.</summary>
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stems;

    /// <param name="vocabulary">The words of the conversation's language: numbers, conjunctions, agreement endings.</param>
    public OptionIndex(IReadOnlyList<SurveyOption> options, Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        Count = options.Count;
        _names = new string[options.Count][];
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var texts = options[i].Text.Languages.Select(options[i].Text.Get).Append(options[i].Text.Default);
            _names[i] = [.. texts.Select(TextNormalizer.Normalize).Where(n => n.Length > 0).Distinct()];
            var aliases = options[i].AllAliases.Select(TextNormalizer.Normalize).Where(n => n.Length > 0).ToList();
            foreach (var name in aliases.Append(TextNormalizer.Normalize(options[i].Code)).Concat(_names[i]))
            {
                _exactIndex.TryAdd(name, i);
            }

            foreach (var name in _names[i].Concat(aliases))
            {
                var stem = StemOf(name);
                stems[stem] = stems.TryGetValue(stem, out var other) && other != i ? SharedStem : i;
            }
        }

        _stems = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        _listNames = ListNames.Of(_exactIndex.Keys, IsExactName, vocabulary.IsConjunction);
    }

    public int Count { get; }

    /// <summary>
    /// Finds the option an item names: its number ("3", "la 3", "opción 3", "tres"), its text or alias, in any gender
    /// and number ("buenas" for Bueno), a unique start of its text ("tele"), or a unique word inside it ("facebook").
    /// </summary>
    public ParseResult<int> Match(string item)
    {
        if (item.Length == 0)
        {
            return ParseResult<int>.Invalid(Rejection.Empty);
        }

        if (_vocabulary.TryDigits(item, out var number))
        {
            return InRange(number);
        }

        var exact = ExactIndex(item);
        if (exact >= 0)
        {
            return ParseResult<int>.Ok(exact);
        }

        if (_vocabulary.TryNumberWord(item, out number))
        {
            return InRange(number);
        }

        var byStem = StemIndex(item);
        if (byStem != -1)
        {
            return byStem == SharedStem ? ParseResult<int>.Invalid(Rejection.Ambiguous) : ParseResult<int>.Ok(byStem);
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

    private ParseResult<int> InRange(int number) =>
        number >= 1 && number <= Count ? ParseResult<int>.Ok(number - 1) : ParseResult<int>.Invalid(Rejection.OutOfRange);

    private string StemOf(string name)
    {
        var buffer = new char[name.Length];
        return new string(buffer, 0, _vocabulary.Stem(name, buffer));
    }

    /// <summary>The option whose stem the item's stem is, <see cref="SharedStem"/>, or -1; without allocating.</summary>
    private int StemIndex(string item)
    {
        const int StackLimit = 256;
        char[]? rented = null;
        var buffer = item.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(item.Length));
        var found = _stems.TryGetValue(buffer[.._vocabulary.Stem(item, buffer)], out var index) ? index : -1;
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return found;
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
