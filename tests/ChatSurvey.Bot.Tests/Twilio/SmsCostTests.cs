using ChatSurvey.Bot.Channels.Twilio;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>
/// The cost of the whole survey over SMS, counted on what the renderer produces for the real engine (a budget, not a
/// timing). The figures it prints are the ones in bench/README.md, "SMS cost".
/// </summary>
public sealed class SmsCostTests(ITestOutputHelper output)
{
    [Fact]
    public void WholeSurvey_CompactSms_WithinSegmentBudget()
    {
        var sent = SmsCost.WholeSurvey(compact: true);
        Print("compact", sent);
        Assert.All(sent, m => Assert.True(SmsSegments.IsGsm7(m), $"not GSM-7: {m}"));
        var segments = SmsSegments.Count(sent);
        Assert.True(segments <= TwilioWholeSurveyTests.SmsSegmentBudget, $"the whole survey takes {segments} segments; the budget is {TwilioWholeSurveyTests.SmsSegmentBudget}");
    }

    [Fact]
    public void WholeSurvey_PlainSms_CostsMoreThanCompact()
    {
        var plain = SmsCost.WholeSurvey(compact: false);
        Print("plain", plain);
        Assert.True(SmsSegments.Count(plain) > SmsSegments.Count(SmsCost.WholeSurvey(compact: true)));
    }

    private void Print(string mode, IReadOnlyList<string> sent)
    {
        output.WriteLine($"{mode}: {sent.Count} messages, {SmsSegments.Count(sent)} segments, {sent.Sum(s => s.Length)} characters");
        foreach (var message in sent)
        {
            var firstLine = message.Split('\n')[0];
            output.WriteLine($"{SmsSegments.Count(message),3} {(SmsSegments.IsGsm7(message) ? "GSM-7" : "UCS-2")} {message.Length,5}  {firstLine[..Math.Min(60, firstLine.Length)]}");
        }
    }
}
