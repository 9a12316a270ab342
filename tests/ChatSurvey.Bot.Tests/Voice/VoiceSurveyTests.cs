using ChatSurvey.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>The whole form by phone: signed voice webhooks in, TwiML out (parsed), SQLite at the end, channel "voice".</summary>
public sealed class VoiceSurveyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WholeSurvey_ByKeypad_StoredAsVoice()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511230001");
        var notice = await phone.CallAsync();
        Assert.Contains("Aviso de privacidad", notice.Said, StringComparison.Ordinal);
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps);
        foreach (var (did, twiml) in phone.Heard)
        {
            output.WriteLine($"> {did}\n{twiml.Said}\n  [{twiml.Attribute("input")} {twiml.Attribute("numDigits")} {twiml.Attribute("finishOnKey")} {twiml.Attribute("action")}]{(twiml.HangsUp ? " HANGUP" : "")}");
        }

        Assert.Contains("Muchas gracias", phone.Current.Said, StringComparison.Ordinal);
        Assert.True(phone.Current.HangsUp);
        var rows = await Eventually.Get(() => bot.Host.QueryAsync("SELECT channel FROM responses"), r => r.Count > 0, "the response in SQLite");
        Assert.Equal("voice", Assert.Single(rows)[0]);
    }
}
