namespace ChatSurvey.Domain.Languages;

/// <summary>
/// How the phone channel speaks and hears one language, from its pack's <c>speech</c>:
/// <code>{"language": "es-MX", "voice": "Polly.Mia"}</code>
/// </summary>
/// <param name="Language">The BCP-47 tag for text-to-speech and speech recognition.</param>
/// <param name="Voice">A text-to-speech voice for that language; "" lets the platform choose its default.</param>
public sealed record SpeechSettings(string Language, string Voice);
