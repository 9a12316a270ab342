namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// How many SMS segments (and so how many charges) a message costs. GSM-7: 160 septets in one segment, 153 per segment
/// once split (the rest is the concatenation header), extension characters take two septets and never straddle a
/// boundary. Any character outside GSM-7 makes the whole message UCS-2: 70 code units, 67 per segment when split, a
/// surrogate pair (emoji) never split.
/// </summary>
public static class SmsSegments
{
    public static bool IsGsm7(string text) => Gsm7.CanEncode(text);

    public static int Count(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        return IsGsm7(text)
            ? Pack(text, c => Gsm7.Septets(c), single: 160, multi: 153)
            : Pack(text, _ => 1, single: 70, multi: 67);
    }

    /// <summary>The segments of all the messages.</summary>
    public static int Count(IEnumerable<string> messages) => messages.Sum(Count);

    private static int Pack(string text, Func<char, int> size, int single, int multi)
    {
        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            total += size(text[i]);
        }

        if (total <= single)
        {
            return 1;
        }

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // A surrogate pair is one unit of meaning and goes into one segment.
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : size(text[i]);
            if (used + width > multi)
            {
                segments++;
                used = 0;
            }

            used += width;
            if (width == 2 && char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return segments;
    }
}
