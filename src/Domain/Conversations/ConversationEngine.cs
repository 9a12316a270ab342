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
        var turn = new TurnBuilder(survey, state with { LastSeen = now.ToUnixTimeSeconds() }, now);
        if (input.Kind == InputKind.Start || CommandParser.IsStart(input.Text, out _))
        {
            CommandParser.IsStart(input.Text, out var typedPayload);
            turn.OnStart(input.Payload ?? typedPayload);
            return turn.Build();
        }

        var normalized = input.Kind == InputKind.Text ? TextNormalizer.Normalize(input.Text) : "";
        var command = CommandParser.Parse(normalized);
        if (command is Command.Spanish or Command.English)
        {
            turn.SwitchLanguage(command == Command.English ? "en" : "es");
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
}
