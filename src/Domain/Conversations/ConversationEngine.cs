using ChatSurvey.Domain.Answers;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// The conversation as a pure transition: (survey, state, input, time) → (state, replies, events). No I/O, no clock,
/// no randomness: the same arguments always give the same turn.
/// </summary>
public static class ConversationEngine
{
    public static Turn Resume(CompiledSurvey survey, ConversationState state, Input input, DateTimeOffset now)
    {
        var previousSeen = state.LastSeen;
        state = state with { LastSeen = now.ToUnixTimeSeconds(), Reminded = false, Unreachable = false };
        // A channel that knows the person's language (Telegram's language_code) chooses for them until they choose.
        if (state.Language.Length == 0 && Languages.LanguageCode.Find(survey.Languages, input.Locale) is { } preselected)
        {
            state = state with { Language = preselected };
        }

        var turn = new TurnBuilder(survey, state, now);
        if (input.Kind == InputKind.Start || CommandParser.IsStart(input.Text, out _))
        {
            CommandParser.IsStart(input.Text, out var typedPayload);
            turn.OnStart(input.Payload ?? typedPayload);
            return turn.Build();
        }

        if (input.Kind == InputKind.Button && input.Payload != turn.CurrentPrompt)
        {
            turn.RejectStaleButton();
            return turn.Build();
        }

        var normalized = input.Kind is InputKind.Text or InputKind.Button ? TextNormalizer.Normalize(input.Text) : "";
        var command = turn.Vocabulary.CommandOf(normalized, out var language);
        if (command == Command.Switch)
        {
            turn.SwitchLanguage(language!);
            return turn.Build();
        }

        if (command == Command.Language)
        {
            turn.ChooseLanguage();
            return turn.Build();
        }

        var idle = previousSeen > 0 && now.ToUnixTimeSeconds() - previousSeen >= survey.ResumePromptAfter.TotalSeconds;
        if (idle && state.Stage is Stage.Asking or Stage.Confirm or Stage.PickCorrection && command == Command.None)
        {
            turn.AskContinueOrRestart();
            return turn.Build();
        }

        turn.Handle(input, normalized, command);
        return turn.Build();
    }

    /// <summary>
    /// The one reminder for a silent person: a nudge and the pending question again. Nothing when the survey is not
    /// under way or a reminder was already sent for this silence.
    /// </summary>
    public static Turn Remind(CompiledSurvey survey, ConversationState state, DateTimeOffset now)
    {
        if (!state.InProgress || state.Reminded)
        {
            return new Turn(state, [], []);
        }

        var turn = new TurnBuilder(survey, state with { Reminded = true }, now);
        turn.Remind();
        return turn.Build();
    }

    /// <summary>The person blocked the bot or opted out; nothing is pushed to them until they write again.</summary>
    public static Turn MarkUnreachable(ConversationState state, DateTimeOffset now, string reason) =>
        state.Unreachable ? new Turn(state, [], []) : new Turn(state with { Unreachable = true }, [], [new Events.PersonUnreachable(now, reason)]);

    /// <summary>
    /// A message in a conversation whose survey version is no longer available: a clear message and a fresh start on
    /// <paramref name="current"/>, never an exception or an answer read against the wrong questions.
    /// </summary>
    public static Turn SurveyChanged(CompiledSurvey current, ConversationState state, DateTimeOffset now)
    {
        var turn = new TurnBuilder(current, state with { LastSeen = now.ToUnixTimeSeconds(), Reminded = false, Unreachable = false }, now);
        turn.SurveyChanged();
        return turn.Build();
    }

    /// <summary>An in-progress conversation silent past its idle limit ends as abandoned; its answers are dropped.</summary>
    public static Turn Expire(CompiledSurvey? survey, ConversationState state, DateTimeOffset now)
    {
        if (!state.InProgress)
        {
            return new Turn(state, [], []);
        }

        // A survey version no longer available (null) cannot name the question.
        var question = state.Stage == Stage.Asking && survey is not null && state.Question < survey.Questions.Count ? survey.Questions[state.Question].Code : null;
        var closed = ConversationState.Initial with { Stage = Stage.Closed, Language = state.Language, LastSeen = state.LastSeen };
        return new Turn(closed, [], [new Events.ConversationAbandoned(now, question)]);
    }

    /// <summary>What the current stage is waiting for, said again (for a redelivered message whose replies are gone).</summary>
    public static IReadOnlyList<Reply> Repeat(CompiledSurvey survey, ConversationState state)
    {
        var turn = new TurnBuilder(survey, state, DateTimeOffset.FromUnixTimeSeconds(state.LastSeen));
        turn.Repeat();
        return turn.Build().Replies;
    }
}
