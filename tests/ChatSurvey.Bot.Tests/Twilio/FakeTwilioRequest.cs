namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>One request to the fake API: what was asked, and how it was answered.</summary>
public sealed record FakeTwilioRequest(string To, string From, string Body, string MessagingServiceSid, string ContentSid, string StatusCallback, int Status = 0, int ErrorCode = 0);
