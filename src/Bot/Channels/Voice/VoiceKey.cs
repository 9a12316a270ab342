using ChatSurvey.Domain.Languages;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// One key of a prompt heard by phone: pressing <see cref="Digit"/> hands the engine <see cref="Value"/> (what a person
/// would type: "1", "E", an option's number, a language's name).
/// </summary>
/// <param name="Speech">Set when the key is announced in another language than the conversation's (a language to switch to).</param>
public sealed record VoiceKey(char Digit, string Value, string Label, SpeechSettings? Speech = null);
