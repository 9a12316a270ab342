using System.Text;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Turns replies into Twilio message bodies: one reply per message, its choices as a numbered list with the number
/// first ("1. Televisión"), each body within Twilio's 1,600 characters. SMS is paid per segment, so there a re-ask
/// leaves the list out (the person has it just above), a grid shows its scale once per question rather than on every
/// row, and in compact mode the texts are sent in GSM-7 with short hints (see <see cref="SmsCompactTexts"/>).
/// </summary>
public sealed class TwilioRenderer(bool compactSms, CompiledSurvey survey)
{
    private readonly SmsCompactTexts _compact = new(survey);

    /// <summary>Twilio's limit for one message body, SMS (concatenated) and WhatsApp alike.</summary>
    public const int MaxLength = 1600;

    public bool CompactSms => compactSms;

    public IReadOnlyList<string> Render(Channel channel, IReadOnlyList<Reply> replies)
    {
        var sms = channel == Channel.Sms;
        var messages = new List<string>(replies.Count);
        foreach (var reply in replies)
        {
            var text = sms ? RenderSms(reply) : RenderWhatsApp(reply);
            messages.AddRange(Split(text));
        }

        return messages;
    }

    private static string RenderWhatsApp(Reply reply) => reply.Style == ReplyStyle.Grid
        ? $"{reply.Text}\n{Scale(reply.Choices)}"
        : WithList(reply.Text, reply.Choices);

    private string RenderSms(Reply reply)
    {
        var text = compactSms ? _compact.Shorten(reply.Text, Scale(reply.Choices)) : reply.Text;
        var list = reply.IsReask || reply.Style == ReplyStyle.Grid || (compactSms && IsLaterRankedStep(reply))
            ? []
            : reply.Choices;
        text = WithList(text, list);
        return compactSms ? Gsm7.Transliterate(text) : text;
    }

    /// <summary>"E=Excelente B=Bueno R=Regular M=Malo P=Pésimo": a grid's scale on one line.</summary>
    public static string Scale(IReadOnlyList<Choice> choices) => string.Join(' ', choices.Select(c => $"{c.Value}={c.Label}"));

    /// <summary>Places 2..5 of a ranked question: the numbers did not change, the list is in the message before.</summary>
    private static bool IsLaterRankedStep(Reply reply) =>
        reply.Style == ReplyStyle.Ranked && reply.Prompt is { } prompt && !prompt.EndsWith(".0", StringComparison.Ordinal);

    private static string WithList(string text, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text).Append('\n');
        foreach (var choice in choices)
        {
            builder.Append('\n').Append(choice.Value).Append(". ").Append(choice.Label);
        }

        return builder.ToString();
    }

    /// <summary>Pieces of at most <see cref="MaxLength"/>: cut at a line break, else a space, else (one giant word) anywhere.</summary>
    public static IEnumerable<string> Split(string text)
    {
        while (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf('\n', MaxLength - 1) is var newline and > MaxLength / 2 ? newline + 1
                : text.LastIndexOf(' ', MaxLength - 1) is var space and > MaxLength / 2 ? space + 1
                : char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            yield return text[..cut].TrimEnd();
            text = text[cut..].TrimStart();
        }

        yield return text;
    }
}
