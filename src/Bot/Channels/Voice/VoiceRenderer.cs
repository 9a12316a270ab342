using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Domain.Languages;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// TwiML for a call, with the Twilio library's <see cref="VoiceResponse"/>: what to say (<c>&lt;Say&gt;</c> in each line's
/// language and voice) inside a <c>&lt;Gather&gt;</c> that listens for keys or speech, so a key pressed while it speaks
/// answers at once; or, when nothing is asked any more, what to say before hanging up. Every Gather reports silence too
/// (actionOnEmptyResult), to its action URL, which carries the next <see cref="VoiceStep"/>.
/// </summary>
public sealed class VoiceRenderer(IOptions<TwilioOptions> twilio, IOptions<VoiceOptions> voice)
{
    public const string Path = "/webhooks/twilio/voice";

    public VoiceResponse Ask(IReadOnlyList<SpokenLine> lines, VoiceInput input, SpeechSettings listen, VoiceStep next)
    {
        var gather = new Gather(
            input: input switch
            {
                VoiceInput.KeyOnly => [Gather.InputEnum.Dtmf],
                VoiceInput.Speech => [Gather.InputEnum.Speech, Gather.InputEnum.Dtmf],
                _ => [Gather.InputEnum.Dtmf, Gather.InputEnum.Speech],
            },
            action: new Uri($"{twilio.Value.PublicBase}{Path}?{next.ToQuery()}"),
            method: global::Twilio.Http.HttpMethod.Post,
            timeout: voice.Value.InputTimeoutSeconds,
            speechTimeout: input == VoiceInput.KeyOnly ? null : "auto",
            // Keys one after another end with #; elsewhere # and * are keys like the others (skip, more).
            finishOnKey: input == VoiceInput.Keys ? "#" : "",
            numDigits: input == VoiceInput.Keys ? null : 1,
            // The library's string enums convert from any string, null included, which it then fails to write: no
            // conversion unless there is a value.
            language: input == VoiceInput.KeyOnly ? null : (Gather.LanguageEnum)listen.Language,
            actionOnEmptyResult: true);
        foreach (var line in Merge(lines))
        {
            gather.Append(Say(line));
        }

        return new VoiceResponse().Append(gather);
    }

    public static VoiceResponse Hangup(IReadOnlyList<SpokenLine> lines)
    {
        var response = new VoiceResponse();
        foreach (var line in Merge(lines))
        {
            response.Append(Say(line));
        }

        return response.Hangup();
    }

    private static Say Say(SpokenLine line) =>
        new(line.Text, voice: line.Speech.Voice.Length > 0 ? (Say.VoiceEnum)line.Speech.Voice : null, language: line.Speech.Language);

    /// <summary>Neighbouring lines in the same voice as one Say: fewer elements, the same speech.</summary>
    private static IEnumerable<SpokenLine> Merge(IReadOnlyList<SpokenLine> lines)
    {
        SpokenLine? pending = null;
        foreach (var line in lines.Where(l => l.Text.Length > 0))
        {
            if (pending is not null && pending.Speech == line.Speech)
            {
                pending = pending with { Text = pending.Text + " " + line.Text };
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = line;
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }
}
