using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// What an inline button carries, within Telegram's 64 bytes: a kind, the prompt the button belongs to, and a value.
/// <code>a|q5.2|E</code> answer "E" to the prompt q5.2 (question q5, third row);
/// <code>t|q3.0|5</code> a multiple-choice toggle: the selection after this press, a hexadecimal bitmask of option positions;
/// <code>d|q3.0|5</code> "Listo": send that selection.
/// The selection travels in the buttons themselves, so toggling keeps no state on the server, and the prompt lets the
/// engine recognize a button pressed under an earlier question.
/// </summary>
public sealed record TelegramCallbackData(char Kind, string Prompt, string Value)
{
    public const char Answer = 'a';
    public const char Toggle = 't';
    public const char Done = 'd';
    public const int MaxBytes = 64;

    public static TelegramCallbackData ForSelection(char kind, string prompt, ulong selection) =>
        new(kind, prompt, selection.ToString("x", CultureInfo.InvariantCulture));

    public bool Fits => Encoding.UTF8.GetByteCount(ToString()) <= MaxBytes;

    public override string ToString() => $"{Kind}|{Prompt}|{Value}";

    public static bool TryParse([NotNullWhen(true)] string? data, [NotNullWhen(true)] out TelegramCallbackData? parsed)
    {
        parsed = null;
        if (data is not { Length: >= 4 } || data[1] != '|' || data[0] is not (Answer or Toggle or Done))
        {
            return false;
        }

        var split = data.IndexOf('|', 2);
        if (split <= 2)
        {
            return false;
        }

        parsed = new TelegramCallbackData(data[0], data[2..split], data[(split + 1)..]);
        return parsed.Kind == Answer || parsed.TryGetSelection(out _);
    }

    public bool TryGetSelection(out ulong selection) =>
        ulong.TryParse(Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out selection) && Value.Length <= 16;

    /// <summary>The selection as the engine reads a typed list: the options' numbers, "1,3".</summary>
    public string SelectedNumbers()
    {
        TryGetSelection(out var selection);
        var numbers = new List<string>(BitOperations.PopCount(selection));
        for (var position = 0; selection != 0; position++, selection >>= 1)
        {
            if ((selection & 1) != 0)
            {
                numbers.Add((position + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(',', numbers);
    }
}
