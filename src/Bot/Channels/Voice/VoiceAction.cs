namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// What one request during a call asks for (<see cref="VoiceKeys.Interpret"/>).
/// <code>{"kind": "Answer", "text": "1,8", "readBack": "Elegiste: Televisión, Otro ¿Cuál?"}</code>
/// </summary>
/// <param name="Text">For <see cref="VoiceActionKind.Answer"/>: what the engine is handed, as a person would type it.</param>
/// <param name="ReadBack">Said before the next prompt when the engine accepts the answer.</param>
/// <param name="Confirm">A spoken free-text answer: once accepted, the person confirms it was heard right.</param>
/// <param name="Selection">For <see cref="VoiceActionKind.NextPage"/>: the multiple-choice values picked so far.</param>
public sealed record VoiceAction(VoiceActionKind Kind, string Text = "", string? ReadBack = null, bool Confirm = false, string Selection = "")
{
    public static VoiceAction Of(VoiceActionKind kind) => new(kind);
}
