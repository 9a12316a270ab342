namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// One of Twilio's requests during a call, mapped: which call, whose number (null when it cannot be known), what the
/// person pressed or said, and the step the request answers (null on the call's first request).
/// <code>{"callSid": "CA5f…", "number": "+529511234567", "digits": "1", "speech": "", "step": {"sequence": 4}}</code>
/// </summary>
public sealed record VoiceCall(string CallSid, string? Number, string Digits, string Speech, VoiceStep? Step);
