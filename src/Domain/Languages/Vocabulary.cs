using System.Globalization;
using ChatSurvey.Domain.Answers;

namespace ChatSurvey.Domain.Languages;

/// <summary>
/// The words understood in a conversation held in one language: that language's pack first, then the default
/// language's, then every other pack's, so "ayuda" always works and "help" still does in Spanish, while a word that
/// means different things in two languages means what the conversation's language says. Built once per language when
/// the survey is compiled; every lookup during a turn is a dictionary probe.
/// </summary>
public sealed class Vocabulary
{
    private static readonly (string Key, Command Command)[] CommandKeys =
    [
        ("help", Command.Help), ("back", Command.Back), ("status", Command.Status), ("restart", Command.Restart),
        ("cancel", Command.Cancel), ("delete", Command.Delete), ("skip", Command.Skip), ("language", Command.Language),
    ];

    /// <summary>Command words, and language names and switch words with the language they name: one lookup per message.</summary>
    private readonly Dictionary<string, (Command Command, string? Language)> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _yesNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _numberSpans;
    private readonly Dictionary<string, HashSet<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<Command, string> _firstWords = [];
    private readonly string[] _unsure;
    private readonly string[] _numberPrefixes;
    private readonly System.Buffers.SearchValues<char> _prefixStarts;
    private readonly HashSet<string> _conjunctions;
    private readonly string[] _endings;

    /// <param name="own">The conversation's language.</param>
    /// <param name="fallback">The survey's default language (the same pack when the conversation is in it).</param>
    /// <param name="others">The survey's other languages.</param>
    public Vocabulary(LanguagePack own, LanguagePack fallback, IEnumerable<LanguagePack> others)
    {
        LanguagePack[] packs = [.. new[] { own, fallback }.Concat(others).Distinct()];
        foreach (var pack in packs)
        {
            foreach (var (key, command) in CommandKeys)
            {
                foreach (var word in pack.WordsOf(key))
                {
                    _commands.TryAdd(word, (command, null));
                }

                if (pack.WordsOf(key) is [var first, ..])
                {
                    _firstWords.TryAdd(command, first);
                }
            }


            foreach (var word in pack.WordsOf("yes"))
            {
                _yesNo.TryAdd(word, true);
            }

            foreach (var word in pack.WordsOf("no"))
            {
                _yesNo.TryAdd(word, false);
            }

            for (var n = 0; n < pack.Numbers.Count; n++)
            {
                foreach (var word in pack.Numbers[n])
                {
                    _numbers.TryAdd(word, n + 1);
                }
            }

            foreach (var key in (string[])["send", "change", "continue", "startOver", "keep", "call"])
            {
                var list = _lists.TryGetValue(key, out var set) ? set : _lists[key] = new(StringComparer.Ordinal);
                list.UnionWith(pack.WordsOf(key));
            }
        }

        // Language names after every command word, so that a command keeps its meaning whatever a language is called.
        foreach (var pack in packs)
        {
            foreach (var word in pack.WordsOf("switch").Append(TextNormalizer.Normalize(pack.Name)))
            {
                _commands.TryAdd(word, (Command.Switch, pack.Code));
            }
        }

        _numberSpans = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        _unsure = [.. packs.SelectMany(p => p.WordsOf("unsure")).Distinct()];
        // Longest first, so "la 3" is not read as "l" + "a 3" when one language has a one-letter prefix.
        _numberPrefixes = [.. packs.SelectMany(p => p.WordsOf("numberPrefixes")).Distinct().OrderByDescending(p => p.Length)];
        _prefixStarts = System.Buffers.SearchValues.Create([.. _numberPrefixes.Select(p => p[0]).Distinct()]);
        _conjunctions = [.. packs.SelectMany(p => p.WordsOf("and"))];
        // Endings of the conversation's language and the default one (whose names every survey has); longest first,
        // so "buenos" loses "os" rather than "s".
        _endings = [.. own.WordsOf("endings").Concat(fallback.WordsOf("endings")).Distinct().OrderByDescending(e => e.Length)];
    }

    /// <summary>A command word ("ayuda", "/atras", "help"), or a language's name or switch word ("English").</summary>
    /// <param name="normalized">Text already passed through <see cref="TextNormalizer.Normalize"/>.</param>
    /// <param name="language">For <see cref="Command.Switch"/>, the language to switch to.</param>
    public Command CommandOf(string normalized, out string? language)
    {
        var word = normalized.StartsWith('/') ? normalized[1..] : normalized;
        var found = _commands.TryGetValue(word, out var entry);
        language = entry.Language;
        return found ? entry.Command : Command.None;
    }

    /// <summary>
    /// A word that means <paramref name="command"/> in the conversation's language (else the default one's): what a channel
    /// whose keys stand for commands (a phone's 9 for "atrás") hands the engine. Null when no pack has one.
    /// </summary>
    public string? WordOf(Command command) => _firstWords.GetValueOrDefault(command);

    /// <summary>"si", "sí, claro", "1", "uno", "yes" → true; "no", "no, gracias", "2", "nel" → false; "no sé" → not an answer.</summary>
    public ParseResult<bool> YesNo(string normalized)
    {
        if (normalized.Length == 0)
        {
            return ParseResult<bool>.Invalid(Rejection.Empty);
        }

        if (_yesNo.TryGetValue(normalized, out var value))
        {
            return ParseResult<bool>.Ok(value);
        }

        if (TryNumber(normalized, out var number) && number is 1 or 2)
        {
            return ParseResult<bool>.Ok(number == 1);
        }

        foreach (var unsure in _unsure)
        {
            if (normalized.StartsWith(unsure, StringComparison.Ordinal))
            {
                return ParseResult<bool>.Invalid(Rejection.NotUnderstood);
            }
        }

        // "sí, claro", "no gracias": the first word decides when it is a whole word of two letters or more ("s" alone is
        // too little to start a sentence with).
        var end = normalized.AsSpan().IndexOfAny(' ', ',');
        return end >= 2 && _yesNo.TryGetValue(normalized[..end], out value) ? ParseResult<bool>.Ok(value) : ParseResult<bool>.Invalid(Rejection.NotUnderstood);
    }

    /// <summary>Whether the text is a word for "no" ("no", "nel"): on an optional question it skips the question.</summary>
    public bool IsNo(string normalized) => _yesNo.TryGetValue(normalized, out var yes) && !yes;

    /// <summary>
    /// Whether <paramref name="normalized"/> is one of a two-way choice's extra words ("send", "continue", "startOver",
    /// "keep", "change"), or asks for a phone call ("call", which the messaging channels act on; the engine never sees it).
    /// </summary>
    public bool IsWord(string key, string normalized) => _lists.TryGetValue(key, out var words) && words.Contains(normalized);

    /// <summary>A whole number in digits, as people point at a list entry: "3", "la 3", "#3", "opción 3".</summary>
    public bool TryDigits(string item, out int number) =>
        int.TryParse(WithoutPrefix(item), NumberStyles.None, CultureInfo.InvariantCulture, out number);

    /// <summary>A number in words: "tres", "la tercera", "third".</summary>
    public bool TryNumberWord(string item, out int number)
    {
        number = 0;
        var span = WithoutPrefix(item);
        return span.Length > 0 && !char.IsAsciiDigit(span[0]) && _numberSpans.TryGetValue(span, out number);
    }

    /// <summary>A number in digits or words.</summary>
    public bool TryNumber(string item, out int number) => TryDigits(item, out number) || TryNumberWord(item, out number);

    public bool IsConjunction(string word) => _conjunctions.Contains(word);

    /// <summary>
    /// <paramref name="phrase"/> with each word's agreement ending removed ("buenas" → "buen", "personas adultas" →
    /// "person adult"), so that the forms of one word compare equal. A word keeps at least three letters.
    /// </summary>
    /// <returns>The length written to <paramref name="destination"/>, which must be as long as the phrase.</returns>
    public int Stem(ReadOnlySpan<char> phrase, Span<char> destination)
    {
        var written = 0;
        foreach (var range in phrase.Split(' '))
        {
            var word = phrase[range];
            if (written > 0)
            {
                destination[written++] = ' ';
            }

            foreach (var ending in _endings)
            {
                if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
                {
                    word = word[..^ending.Length];
                    break;
                }
            }

            word.CopyTo(destination[written..]);
            written += word.Length;
        }

        return written;
    }

    private ReadOnlySpan<char> WithoutPrefix(string item)
    {
        var span = item.AsSpan();
        // Only items that start like a prefix are compared with the prefixes: "3", "12" and "b" go straight on.
        if (span.IsEmpty || !_prefixStarts.Contains(span[0]))
        {
            return span;
        }

        foreach (var prefix in _numberPrefixes)
        {
            // A prefix is a word of its own ("la 3", "no. 3") or ends in a sign ("#3"), never the start of a longer word.
            if (span.StartsWith(prefix, StringComparison.Ordinal) && (span.Length == prefix.Length || !char.IsLetter(span[prefix.Length]) || !char.IsLetter(prefix[^1])))
            {
                return span[prefix.Length..].TrimStart(". ");
            }
        }

        return span;
    }
}
