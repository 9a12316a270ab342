namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>One call the bot asked the fake API to place.</summary>
public sealed record FakeTwilioCall(string Sid, string To, string From, string Url, string Method, string StatusCallback, string TimeLimit);
