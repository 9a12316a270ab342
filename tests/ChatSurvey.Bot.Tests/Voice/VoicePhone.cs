using System.Net;
using ChatSurvey.Bot.Tests.Twilio;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>
/// Plays Twilio's part in a call to the real bot: requests the voice webhook as a call starts, then each Gather's action
/// URL with the keys pressed or the transcript of what was said, every request signed for the public URL as Twilio signs
/// it. Keeps every TwiML heard, for what a test asserts and for the time the call takes.
/// </summary>
public sealed class VoicePhone(TwilioBot bot, string number)
{
    public const string Path = "/webhooks/twilio/voice";
    private string _callSid = "";
    private bool _outbound;
    private (string Path, Dictionary<string, string> Form)? _last;

    public string Number => number;

    public VoiceTwiml Current { get; private set; } = VoiceTwiml.Parse("<Response/>");

    /// <summary>Every answer of every call, in order, with what the person did before it ("" for the call's start).</summary>
    public List<(string Did, VoiceTwiml Twiml)> Heard { get; } = [];

    /// <summary>Starts a new call: the person calls the bot, or (outbound) answers a call the bot placed.</summary>
    public Task<VoiceTwiml> CallAsync(bool outbound = false, string? callSid = null)
    {
        _callSid = callSid ?? "CA" + Guid.NewGuid().ToString("N");
        _outbound = outbound;
        return PostAsync(Path, Form(("CallStatus", "ringing")), "");
    }

    public Task<VoiceTwiml> PressAsync(string digits) => ActAsync(digits, ("Digits", digits));

    public Task<VoiceTwiml> SayAsync(string transcript) => ActAsync($"«{transcript}»", ("SpeechResult", transcript), ("Confidence", "0.9"));

    /// <summary>The Gather timed out with nothing pressed or said (actionOnEmptyResult).</summary>
    public Task<VoiceTwiml> SilenceAsync() => ActAsync("(silence)");

    /// <summary>Twilio sends the last request again (it got no answer in time).</summary>
    public Task<VoiceTwiml> RedeliverAsync() => PostAsync(_last!.Value.Path, _last.Value.Form, "(redelivery)");

    private Task<VoiceTwiml> ActAsync(string did, params (string Key, string Value)[] fields)
    {
        var action = Current.Attribute("action") ?? throw new InvalidOperationException($"Nothing is asked; the call said: {Current.Said}");
        Assert.StartsWith(TwilioBot.PublicBaseUrl + Path, action, StringComparison.Ordinal);
        return PostAsync(action[TwilioBot.PublicBaseUrl.Length..], Form([("CallStatus", "in-progress"), .. fields]), did);
    }

    private async Task<VoiceTwiml> PostAsync(string path, Dictionary<string, string> form, string did)
    {
        _last = (path, form);
        using var response = await bot.PostAsync(form, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} after {did}: {body[..Math.Min(body.Length, 2000)]}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Current = VoiceTwiml.Parse(body);
        Heard.Add((did, Current));
        return Current;
    }

    private Dictionary<string, string> Form(params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = _callSid, ["AccountSid"] = FakeTwilioApi.AccountSid, ["ApiVersion"] = "2010-04-01",
            ["From"] = _outbound ? VoiceBot.From : number, ["To"] = _outbound ? number : VoiceBot.From,
            ["Caller"] = _outbound ? VoiceBot.From : number, ["Called"] = _outbound ? number : VoiceBot.From,
            ["Direction"] = _outbound ? "outbound-api" : "inbound", ["FromCountry"] = "MX", ["ToCountry"] = "MX",
        };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }
}
