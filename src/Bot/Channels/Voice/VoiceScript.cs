using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// The words of a prompt on the phone: what it asks, then its keys ("Marca 1 para Sí. 2 para No."). Built from the
/// survey and the language pack rather than from the chat text, whose hints speak of typing. Kept short, since every
/// word costs call time: a question's text is said when it is first asked and when it is asked again; the next row of a
/// grid, place of a ranking or part of a text says only itself.
/// </summary>
public static class VoiceScript
{
    /// <param name="full">Say the question's text and hints even on a later step (a repeat, a re-ask).</param>
    /// <param name="withKeys">Remind which keys always work (the first prompt of a call).</param>
    public static IReadOnlyList<SpokenLine> Prompt(CompiledSurvey survey, string language, Reply prompt, VoiceMenu menu, bool full, bool withKeys)
    {
        var texts = survey.Texts(language);
        var speech = survey.Speech(language);
        var question = QuestionOf(survey, prompt);
        var step = StepOf(prompt);
        var intro = menu.Page == 0 && (full || step == 0);
        var said = new List<string>();
        switch (prompt.Prompt)
        {
            case VoicePrompts.Consent:
                said.Add(texts.Welcome);
                said.Add(survey.Definition.Privacy.Get(language));
                withKeys = true;
                break;
            case VoicePrompts.Confirm:
                said.Add(texts.VoiceSummary);
                break;
            case VoicePrompts.PickCorrection:
                said.Add(string.Format(null, texts.VoicePickCorrection, survey.Definition.QuestionCount));
                break;
            default:
                if (question is null)
                {
                    // The engine's own questions (continue or start over, delete, the language menu) say it in few words already.
                    said.Add(prompt.Text);
                }
                else
                {
                    Ask(said, survey, question, step, menu.Page, intro, texts, language);
                }

                break;
        }

        if (withKeys)
        {
            said.Add(texts.VoiceKeys);
        }

        var lines = new List<SpokenLine>();
        // A grid names its scale in its hint; free text and question numbers have no options to list.
        if (question?.Kind is not (QuestionKind.Grid or QuestionKind.Text))
        {
            var first = true;
            foreach (var key in menu.Keys.Where(k => k.Speech is null))
            {
                said.Add(Sentence(string.Format(null, first ? texts.VoiceFirstOption : texts.VoiceOption, key.Digit, key.Label)));
                first = false;
            }

            if (prompt.Style == ReplyStyle.MultipleChoice)
            {
                said.Add(texts.VoiceMultipleHint);
            }

            // On the last page * still leads back to the first, but nothing more is announced.
            if (menu.HasMore && menu.Page < menu.Pages - 1)
            {
                said.Add(texts.VoiceMore);
            }
        }

        lines.Add(new SpokenLine(string.Join(' ', said), speech));
        lines.AddRange(menu.Keys.Where(k => k.Speech is not null).Select(k => new SpokenLine(string.Format(null, k.Label, k.Digit), k.Speech!)));
        return lines;
    }

    /// <summary>A sentence made from a template and a text that ends a sentence already ("Otro ¿Cuál?", "Falta de agua."), without a second stop.</summary>
    public static string Sentence(string text) => text is [.., '?' or '!' or '.', '.'] ? text[..^1] : text;

    /// <summary>The question a prompt asks, or null for the engine's own prompts.</summary>
    public static Question? QuestionOf(CompiledSurvey survey, Reply prompt) =>
        prompt.Question is { } code && survey.Definition.Questions.FirstOrDefault(q => q.Code == code) is { } question ? question : null;

    /// <summary>"q5.2" → 2: the grid row, ranked place or text part asked.</summary>
    private static int StepOf(Reply prompt) =>
        prompt.Prompt is { } id && id.LastIndexOf('.') is var dot and >= 0 && int.TryParse(id.AsSpan(dot + 1), System.Globalization.CultureInfo.InvariantCulture, out var step) ? step : 0;

    private static void Ask(List<string> said, CompiledSurvey survey, Question question, int step, int page, bool intro, BotTexts texts, string language)
    {
        if (intro)
        {
            if (question.When is null)
            {
                said.Add(string.Format(null, texts.QuestionHeader, question.Number, survey.Definition.QuestionCount) + ".");
            }

            said.Add(question.Text.Get(language));
        }

        switch (question.Kind)
        {
            case QuestionKind.Grid:
                if (intro)
                {
                    var scale = question.Options.Select((o, i) => $"{i + 1} {o.Text.Get(language)}");
                    said.Add(string.Format(null, texts.VoiceGridHint, string.Join(", ", scale)));
                }

                // The row's name alone: "for each area" was said, and "2 of 5" would cost three words on every row.
                said.Add(Sentence(question.Rows[step].Text.Get(language) + "."));
                break;
            case QuestionKind.Ranked:
                if (intro)
                {
                    said.Add(string.Format(null, texts.VoiceRankedHint, question.Pick));
                }

                // Once per place: a later page of the same place goes straight on with the options.
                if (page == 0)
                {
                    said.Add(string.Format(null, texts.RankedStep, step + 1, question.Pick));
                }
                break;
            case QuestionKind.Text:
                if (question.Parts.Count > 0)
                {
                    said.Add(question.Parts[step].Label.Get(language));
                }

                said.Add(texts.VoiceSpeak);
                if (question.Optional && step == 0)
                {
                    said.Add(texts.VoiceSkip);
                }

                break;
        }
    }
}
