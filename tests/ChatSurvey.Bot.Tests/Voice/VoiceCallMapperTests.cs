using ChatSurvey.Bot.Channels.Voice;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>Twilio's voice webhook fields (as its docs list them) and the action URL's query, mapped.</summary>
public sealed class VoiceCallMapperTests
{
    [Theory]
    [InlineData("inbound", "+529511234567", "+529515550199", "+529511234567")]
    [InlineData("outbound-api", "+529515550199", "+529511234567", "+529511234567")]
    [InlineData("inbound", "+266696687", "+529515550199", null)]
    [InlineData("inbound", "+86282452253", "+529515550199", null)]
    [InlineData("inbound", "anonymous", "+529515550199", null)]
    [InlineData("inbound", "client:kiosco", "+529515550199", null)]
    [InlineData("inbound", "sip:ana@example.org", "+529515550199", null)]
    [InlineData("inbound", "", "+529515550199", null)]
    public void Map_Direction_ThePersonIsTheCallerOrTheOneCalled(string direction, string from, string to, string? expected)
    {
        var call = VoiceCallMapper.Map(Form(("Direction", direction), ("From", from), ("To", to)), Query(""));
        Assert.Equal(expected, call.Number);
    }

    [Fact]
    public void Map_GatherCallback_DigitsSpeechAndStep()
    {
        var call = VoiceCallMapper.Map(Form(("Digits", " 18 "), ("SpeechResult", " Televisión y otro. "), ("Confidence", "0.91")), Query("?n=4&a=1&p=2&s=1.3&c=1"));

        Assert.Equal(("CA5f3b2d1e0a9c8b7a6f5e4d3c2b1a0f9e", "18", "Televisión y otro."), (call.CallSid, call.Digits, call.Speech));
        Assert.Equal(new VoiceStep(4, 1, 2, "1.3", Confirming: true), call.Step);
    }

    [Fact]
    public void Map_CallStart_NoStep()
    {
        Assert.Null(VoiceCallMapper.Map(Form(("CallStatus", "ringing")), Query("")).Step);
    }

    [Theory]
    [InlineData("?n=4&a=9", 0)]
    [InlineData("?n=4&a=-1", 0)]
    [InlineData("?n=4&a=2", 2)]
    public void Step_AttemptsOutOfRange_ReadAsNone(string query, int attempts) =>
        Assert.Equal(attempts, VoiceStep.Parse(Query(query))!.Attempts);

    [Theory]
    [InlineData("?n=x")]
    [InlineData("?n=99999999999")]
    [InlineData("?s=1.3")]
    public void Step_NoUsableSequence_IsACallStart(string query) => Assert.Null(VoiceStep.Parse(Query(query)));

    [Theory]
    [InlineData("?n=4&s=1.3", "1.3")]
    [InlineData("?n=4&s=1;drop", "")]
    public void Step_Selection_OnlyDigitsAndDots(string query, string expected) =>
        Assert.Equal(expected, VoiceStep.Parse(Query(query))!.Selection);

    [Fact]
    public void Step_QueryRoundTrips()
    {
        var step = new VoiceStep(12, 2, 1, "2.5", Confirming: true);
        Assert.Equal("n=12&a=2&p=1&s=2.5&c=1", step.ToQuery());
        Assert.Equal(step, VoiceStep.Parse(Query("?" + step.ToQuery())));
    }

    private static Dictionary<string, StringValues> Form(params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, StringValues>
        {
            ["CallSid"] = "CA5f3b2d1e0a9c8b7a6f5e4d3c2b1a0f9e", ["AccountSid"] = "AC00000000000000000000000000000001",
            ["From"] = "+529511234567", ["To"] = "+529515550199", ["Direction"] = "inbound", ["ApiVersion"] = "2010-04-01",
        };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }

    private static QueryCollection Query(string query) => new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query));
}
