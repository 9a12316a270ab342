using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// Reads what a person pressed or said at a prompt as something the engine already understands: a key picks the value
/// of its option on the page heard ("1", "E", an option's own number), several keys ending in # a list ("1,8"), 9 the
/// command word for going back, # on an optional free-text question the word for skipping, and speech the words
/// themselves. What the engine need not see stays here: 0 (repeat), * (next page), silence, and keys that name nothing.
/// Where a number is asked (which question to change) the digits are that number, 9 included.
/// </summary>
public static class VoiceKeys
{
    public const char RepeatKey = '0';
    public const char BackKey = '9';
    public const char MoreKey = '*';
    public const char DoneKey = '#';

    /// <param name="question">The question the prompt asks, or null for the engine's own prompts (consent, summary…).</param>
    public static VoiceAction Interpret(Reply prompt, Question? question, VoiceMenu menu, VoiceStep step, string digits, string speech, BotTexts texts, Vocabulary vocabulary)
    {
        var back = Word(vocabulary, Command.Back);
        if (step.Confirming)
        {
            // The answer is stored already; only "say it again" needs the engine. Anything else moves on.
            return digits is "2" or "9" ? back : VoiceAction.Of(VoiceActionKind.Confirmed);
        }

        var multiple = prompt.Style == ReplyStyle.MultipleChoice;
        if (speech.Length > 0)
        {
            // A command word said at a free-text question ("atrás") is the command, as when typed: nothing to confirm.
            var freeText = question?.Kind == QuestionKind.Text && vocabulary.CommandOf(TextNormalizer.Normalize(speech), out _) == Command.None;
            return new VoiceAction(VoiceActionKind.Answer, speech, freeText ? VoiceScript.Sentence(string.Format(null, texts.VoiceHeard, speech)) : null, Confirm: freeText);
        }

        if (digits.Length == 0)
        {
            // # alone ends a multiple choice with what earlier pages picked.
            return multiple && step.Selection.Length > 0 ? Chosen(prompt, step.Selection.Split('.'), texts) : VoiceAction.Of(VoiceActionKind.Silence);
        }

        if (prompt.Prompt == VoicePrompts.PickCorrection)
        {
            return digits.All(char.IsAsciiDigit) ? new VoiceAction(VoiceActionKind.Answer, digits) : VoiceAction.Of(VoiceActionKind.Invalid);
        }

        switch (digits)
        {
            case [RepeatKey]:
                return VoiceAction.Of(VoiceActionKind.Repeat);
            case [BackKey]:
                return back;
            case [MoreKey] when menu.HasMore:
                return new VoiceAction(VoiceActionKind.NextPage, Selection: step.Selection);
        }

        if (question?.Kind == QuestionKind.Text)
        {
            return digits == DoneKey.ToString() && question.Optional ? Word(vocabulary, Command.Skip) : VoiceAction.Of(VoiceActionKind.Invalid);
        }

        if (multiple)
        {
            // "18", or "13*" to hear the next page and go on picking there.
            var more = digits[^1] == MoreKey && menu.HasMore;
            var picked = (more ? digits[..^1] : digits).Select(menu.Find).ToList();
            if (picked.Any(k => k is null))
            {
                return VoiceAction.Of(VoiceActionKind.Invalid);
            }

            string[] values = [.. step.Selection.Split('.', StringSplitOptions.RemoveEmptyEntries).Concat(picked.Select(k => k!.Value)).Distinct()];
            return more ? new VoiceAction(VoiceActionKind.NextPage, Selection: string.Join('.', values)) : Chosen(prompt, values, texts);
        }

        return digits.Length == 1 && menu.Find(digits[0]) is { } key
            ? new VoiceAction(VoiceActionKind.Answer, key.Value)
            : VoiceAction.Of(VoiceActionKind.Invalid);
    }

    /// <summary>The command's word in the conversation's language; a key for a command no pack names stands for nothing.</summary>
    private static VoiceAction Word(Vocabulary vocabulary, Command command) =>
        vocabulary.WordOf(command) is { } word ? new VoiceAction(VoiceActionKind.Answer, word) : VoiceAction.Of(VoiceActionKind.Invalid);

    /// <summary>A multiple-choice answer ("1,3") and its read-back with the options' names.</summary>
    private static VoiceAction Chosen(Reply prompt, IReadOnlyList<string> values, BotTexts texts)
    {
        var labels = values.Select(v => prompt.Choices.FirstOrDefault(c => c.Value == v)?.Label ?? v);
        return new VoiceAction(VoiceActionKind.Answer, string.Join(',', values), VoiceScript.Sentence(string.Format(null, texts.VoiceChosen, string.Join(", ", labels))));
    }
}
