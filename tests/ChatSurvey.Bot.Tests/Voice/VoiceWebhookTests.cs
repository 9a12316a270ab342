using System.Net;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Twilio;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>Forged and redelivered voice webhooks, callers without a number, and calls the bot placed.</summary>
public sealed class VoiceWebhookTests
{
    private const string Person = "+529511250001";

    [Fact]
    public async Task ForgedSignature_403_NothingStored()
    {
        await using var bot = await VoiceBot.StartAsync();
        var form = CallStart(Person);
        using var response = await bot.PostAsync(form, VoicePhone.Path, signature: TwilioSigner.Sign("not-the-token", TwilioBot.PublicBaseUrl + VoicePhone.Path, form));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, (await bot.ConversationAsync(Channel.Voice, Person)).Version);
    }

    [Fact]
    public async Task ActionUrlChanged_SignatureNoLongerMatches_403()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, Person);
        await phone.CallAsync();
        var action = phone.Current.Attribute("action")!;
        var form = CallStart(Person);
        form["Digits"] = "1";

        // Signed for the step Twilio was given, posted for another one: someone who is not Twilio chose the step.
        using var response = await bot.PostAsync(form, VoicePhone.Path + "?n=7&a=2", signedUrl: action);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Domain.Conversations.Stage.Consent, (await bot.StateAsync(Channel.Voice, Person)).Stage);
    }

    [Fact]
    public async Task Redelivered_SameCallSidStepAndDigits_AppliedOnceAnsweredAlike()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, Person);
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, ["1"]);
        var first = await phone.PressAsync("1");
        var version = (await bot.ConversationAsync(Channel.Voice, Person)).Version;

        var again = await phone.RedeliverAsync();

        Assert.Equal(first.Said, again.Said);
        Assert.Equal(first.Attribute("action"), again.Attribute("action"));
        Assert.Equal(version, (await bot.ConversationAsync(Channel.Voice, Person)).Version);
        var state = await bot.StateAsync(Channel.Voice, Person);
        Assert.Equal(1, state.Question);
        Assert.Null(state.Answers[1]);
    }

    [Fact]
    public async Task Redelivered_CallStart_PrivacyNoticeOnce()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, Person);
        var first = await phone.CallAsync();
        var version = (await bot.ConversationAsync(Channel.Voice, Person)).Version;

        var again = await phone.RedeliverAsync();

        Assert.Equal(version, (await bot.ConversationAsync(Channel.Voice, Person)).Version);
        Assert.Contains("Aviso de privacidad", again.Said, StringComparison.Ordinal);
        Assert.Equal(first.Attribute("action"), again.Attribute("action"));
    }

    [Theory]
    [InlineData("+266696687")]
    [InlineData("+7378742833")]
    [InlineData("anonymous")]
    [InlineData("client:kiosco")]
    public async Task CallerWithoutANumber_AskedToCallUnhidden_NothingStored(string from)
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, from);

        var answer = await phone.CallAsync();

        Assert.True(answer.HangsUp);
        Assert.Contains("llama sin ocultarlo", answer.Said, StringComparison.Ordinal);
        Assert.Equal(0, (await bot.ConversationAsync(Channel.Voice, from)).Version);
    }

    [Fact]
    public async Task OutboundCall_ThePersonCalledIsTheConversation()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, Person);

        var notice = await phone.CallAsync(outbound: true);

        Assert.Contains("Aviso de privacidad", notice.Said, StringComparison.Ordinal);
        Assert.Equal(Domain.Conversations.Stage.Consent, (await bot.StateAsync(Channel.Voice, Person)).Stage);
        Assert.Equal(0, (await bot.ConversationAsync(Channel.Voice, VoiceBot.From)).Version);
    }

    [Fact]
    public async Task CallStatus_Signed_Acknowledged()
    {
        await using var bot = await VoiceBot.StartAsync();
        var form = CallStart(Person);
        form["CallStatus"] = "completed";
        form["CallDuration"] = "412";
        using var response = await bot.PostAsync(form, VoicePhone.Path + "/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(VoiceTwiml.Parse(await response.Content.ReadAsStringAsync()).Response.Elements());
    }

    [Fact]
    public async Task VoiceOff_RouteAbsent()
    {
        await using var bot = await TwilioBot.StartAsync();
        var form = CallStart(Person);
        using var response = await bot.PostAsync(form, VoicePhone.Path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Dictionary<string, string> CallStart(string from) => new()
    {
        ["CallSid"] = "CA0000000000000000000000000000000a", ["AccountSid"] = FakeTwilioApi.AccountSid, ["ApiVersion"] = "2010-04-01",
        ["From"] = from, ["To"] = VoiceBot.From, ["CallStatus"] = "ringing", ["Direction"] = "inbound",
    };
}
