using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>
/// How long a recorded call takes, from the words the bot said and what the person did: a model, not a stopwatch (see
/// bench/README.md, "Voice: minutes per survey"). Two readings: every prompt heard to its end, and a person who presses
/// the key of the option they want as soon as it has been read (Twilio stops speaking at a key: Gather's barge-in).
/// </summary>
public static partial class VoiceDuration
{
    /// <summary>
    /// The bot's speech rate: espeak-ng's Spanish (es-419, default speed) measured on these very prompts, pauses at every
    /// full stop included (bench/README.md shows how).
    /// </summary>
    public const double WordsPerMinute = 124;

    /// <summary>A person answering aloud, unhurried.</summary>
    public const double CallerWordsPerMinute = 120;

    /// <summary>Twilio requests the next TwiML and starts speaking it.</summary>
    public static readonly TimeSpan Turnaround = TimeSpan.FromSeconds(1);

    /// <summary>From the end of what was heard to the first key, and then each further key (# included).</summary>
    public static readonly TimeSpan FirstKey = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan NextKey = TimeSpan.FromSeconds(1);

    /// <summary>The silence after speech that tells Twilio the answer ended (speechTimeout="auto").</summary>
    public static readonly TimeSpan EndOfSpeech = TimeSpan.FromSeconds(1.5);

    public static int Words(string text) => Word().Count(text);

    /// <summary>
    /// The words of <paramref name="heard"/> the person listens to before doing <paramref name="next"/>: all of them, or
    /// (<paramref name="bargeIn"/>) up to the end of the option a single key picks ("Marca 3 para …." or "3, ….").
    /// </summary>
    public static int WordsHeard(VoiceTwiml heard, string? next, bool bargeIn)
    {
        var said = heard.Said;
        if (bargeIn && next is [var key and >= '1' and <= '8'] && heard.Attribute("numDigits") == "1")
        {
            var option = Regex.Match(said, $@"(?:Marca {key} para |(?<=\. ){key}, )[^.?]*[.?]");
            if (option.Success)
            {
                return Words(said[..(option.Index + option.Length)]);
            }
        }

        return Words(said);
    }

    /// <summary>The bot speaking <paramref name="words"/> words, after Twilio fetched them.</summary>
    public static TimeSpan Speaking(int words) => Turnaround + TimeSpan.FromMinutes(words / WordsPerMinute);

    /// <summary>The person doing <paramref name="did"/> (as <see cref="VoicePhone.Heard"/> records it) at a prompt ending in <paramref name="finishOnKey"/>.</summary>
    public static TimeSpan Answering(string did, string? finishOnKey) => did switch
    {
        "" => TimeSpan.Zero,
        ['«', .. var said, '»'] => TimeSpan.FromMinutes(Words(said) / CallerWordsPerMinute) + EndOfSpeech,
        _ => FirstKey + (NextKey * (did.Length - 1)) + (finishOnKey == "#" ? NextKey : TimeSpan.Zero),
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
