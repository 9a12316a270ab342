namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// Section "Voice": the survey by phone call, on the Twilio account of section "Twilio" (same signatures, same REST
/// client). On when <see cref="From"/> is set; then validated at startup (<see cref="VoiceOptionsValidator"/>).
/// </summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>The Twilio number people call, "+529511234567"; the caller id of the calls the bot places.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// Calls the bot may place for people who wrote "llamar" on WhatsApp or SMS, in any 24 hours, on this instance: the
    /// spending cap for outbound minutes (at most this many times <see cref="CallTimeLimit"/>). 0 turns the call-back off.
    /// </summary>
    public int CallBacksPerDay { get; set; } = 50;

    /// <summary>One call-back per number within this time: a person who repeats "llamar" is not called again and again.</summary>
    public TimeSpan CallBackInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Twilio ends a call the bot placed after this long; the person resumes where they were on the next call.</summary>
    public TimeSpan CallTimeLimit { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Seconds Twilio waits for a key or for speech to start before it reports silence.</summary>
    public int InputTimeoutSeconds { get; set; } = 6;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(From);
}
