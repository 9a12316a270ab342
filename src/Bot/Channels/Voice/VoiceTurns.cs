using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;
using Twilio.TwiML;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// One request during a call, start to TwiML. A call's first request starts or resumes the person's conversation (the
/// engine's start: the privacy notice, or "¿continuar o empezar de nuevo?" mid-survey); every answer is one turn of the
/// same engine, as <see cref="InboundMessage"/> with the message id CallSid:step, so Twilio retrying a callback changes
/// nothing and hears the current prompt again. What needs no engine (repeat, next page, silence, keys that name nothing,
/// a confirmation) is answered from the conversation as stored, which is read, never written, here.
/// </summary>
public sealed class VoiceTurns(ConversationService conversations, IConversationStore store, SurveyCatalog surveys, VoiceRenderer renderer)
{
    /// <summary>Silence or an answer not understood is asked again this many times; the next one ends the call, answers kept.</summary>
    public const int MaxReasks = 2;

    public async Task<VoiceResponse> HandleAsync(VoiceCall call, CancellationToken cancellationToken)
    {
        if (call.Number is null || call.CallSid.Length is 0 or > 64)
        {
            // Without the caller's number there is no one to resume, and every hidden number would share one conversation.
            var current = surveys.Current;
            return VoiceRenderer.Hangup([new(current.Texts("").VoiceUnknownCaller, current.Speech(""))]);
        }

        var key = new ConversationKey(Channel.Voice, call.Number);
        var before = (await store.LoadAsync(key, cancellationToken)).State;
        var survey = surveys.For(before) ?? surveys.Current;
        var prompt = before.InProgress ? ConversationEngine.Repeat(survey, before).LastOrDefault(r => r.Prompt is not null) : null;
        if (call.Step is not { } step || prompt is null)
        {
            // A new call, or one whose conversation ended meanwhile: start as a call does.
            return await TurnAsync(key, call.CallSid, call.Step ?? new VoiceStep(0), Input.Start(), null, before, cancellationToken);
        }

        var language = before.Language;
        var texts = survey.Texts(language);
        var menu = VoiceMenu.For(prompt, step.Page, survey, language);
        var action = VoiceKeys.Interpret(prompt, VoiceScript.QuestionOf(survey, prompt), menu, step, call.Digits, call.Speech, texts, survey.Vocabulary(language));
        return action.Kind switch
        {
            VoiceActionKind.Answer => await TurnAsync(key, call.CallSid, step, Input.FromText(action.Text), action, before, cancellationToken),
            VoiceActionKind.Repeat => Prompt(survey, language, prompt, step.Next(), full: true),
            VoiceActionKind.NextPage => Prompt(survey, language, prompt, step.Next(page: menu.NextPage, selection: action.Selection), full: false),
            VoiceActionKind.Confirmed => Prompt(survey, language, prompt, step.Next(), full: false),
            _ => Again(survey, language, prompt, step, action.Kind == VoiceActionKind.Silence ? texts.VoiceNoInput : texts.VoiceInvalid),
        };
    }

    private async Task<VoiceResponse> TurnAsync(ConversationKey key, string callSid, VoiceStep step, Input input, VoiceAction? action, ConversationState before, CancellationToken cancellationToken)
    {
        var result = await conversations.HandleAsync(new InboundMessage(key, $"{callSid}:{step.Sequence}", input), cancellationToken);
        var state = result.State;
        var survey = surveys.For(state) ?? surveys.Current;
        var language = state.Language;
        var texts = survey.Texts(language);
        var speech = survey.Speech(language);
        var prompt = result.Replies.LastOrDefault(r => r.Prompt is not null);
        List<SpokenLine> said = [.. result.Replies.Where(r => r.Prompt is null).Select(r => new SpokenLine(r.Text, speech))];
        if (prompt is null)
        {
            // Nothing more is asked: the answers were sent (the survey's thanks), or nothing is kept (declined, cancelled,
            // deleted), where the chat's words would tell the person to write.
            return VoiceRenderer.Hangup(state.Stage switch
            {
                Stage.Completed when before.Stage == Stage.Confirm => said,
                Stage.Completed => [new(texts.VoiceAlreadyDone, speech)],
                _ => [new(texts.VoiceClosed, speech)],
            });
        }

        if (prompt.IsReask && !result.IsDuplicate)
        {
            said.Add(new(texts.VoiceInvalid, speech));
            return step.Attempts + 1 > MaxReasks ? Goodbye(survey, language) : Prompt(survey, language, prompt, step.Next(attempts: step.Attempts + 1), full: true, said);
        }

        if (!result.IsDuplicate && action?.ReadBack is { } readBack)
        {
            said.Add(new(readBack, speech));
        }

        if (!result.IsDuplicate && action is { Confirm: true })
        {
            said.Add(new(texts.VoiceConfirmHeard, speech));
            return renderer.Ask(said, VoiceInput.KeyOnly, speech, step.Next(confirming: true));
        }

        // The first prompt of a call reminds which keys always work.
        return Prompt(survey, language, prompt, step.Next(), full: result.IsDuplicate, said, withKeys: action is null);
    }

    private VoiceResponse Again(CompiledSurvey survey, string language, Reply prompt, VoiceStep step, string why)
    {
        var attempts = step.Attempts + 1;
        return attempts > MaxReasks
            ? Goodbye(survey, language)
            : Prompt(survey, language, prompt, step.Next(attempts, step.Page, step.Selection), full: true, [new(why, survey.Speech(language))]);
    }

    /// <summary>The end of a call that heard no answer: the answers stay, and the next call resumes them.</summary>
    private static VoiceResponse Goodbye(CompiledSurvey survey, string language) =>
        VoiceRenderer.Hangup([new(survey.Texts(language).VoiceGoodbye, survey.Speech(language))]);

    private VoiceResponse Prompt(CompiledSurvey survey, string language, Reply prompt, VoiceStep next, bool full, IReadOnlyList<SpokenLine>? before = null, bool withKeys = false)
    {
        var menu = VoiceMenu.For(prompt, next.Page, survey, language);
        List<SpokenLine> lines = [.. before ?? [], .. VoiceScript.Prompt(survey, language, prompt, menu, full, withKeys)];
        var input = prompt.Prompt == VoicePrompts.Consent ? VoiceInput.KeyOnly
            : VoiceScript.QuestionOf(survey, prompt)?.Kind == QuestionKind.Text ? VoiceInput.Speech
            : prompt.Style == ReplyStyle.MultipleChoice || prompt.Prompt == VoicePrompts.PickCorrection ? VoiceInput.Keys
            : VoiceInput.Key;
        return renderer.Ask(lines, input, survey.Speech(language), next);
    }
}
