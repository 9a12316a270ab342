using ChatSurvey.Domain.Languages;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>Something said on a call, and how: lines in one language are spoken together, another language in its own voice.</summary>
public sealed record SpokenLine(string Text, SpeechSettings Speech);
