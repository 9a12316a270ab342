using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Primitives;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>Payloads shaped like Twilio's messaging webhook (field names from its docs; values made up).</summary>
public sealed class TwilioInboundMapperTests
{
    private const string WhatsAppText = """
        SmsMessageSid=SM11111111111111111111111111111111&NumMedia=0&ProfileName=Jos%C3%A9+N%C3%BA%C3%B1ez&MessageType=text&SmsSid=SM11111111111111111111111111111111&WaId=5215512345678&SmsStatus=received&Body=Hola%2C+quiero+responder+la+encuesta+(c%C3%B3digo%3A+radio_ixtlan)&To=whatsapp%3A%2B14155238886&NumSegments=1&ReferralNumMedia=0&MessageSid=SM11111111111111111111111111111111&AccountSid=AC00000000000000000000000000000001&From=whatsapp%3A%2B5215512345678&ApiVersion=2010-04-01
        """;

    private const string WhatsAppImage = """
        MediaContentType0=image%2Fjpeg&SmsMessageSid=MM22222222222222222222222222222222&NumMedia=1&MessageType=image&Body=&To=whatsapp%3A%2B14155238886&MessageSid=MM22222222222222222222222222222222&From=whatsapp%3A%2B5215512345678&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2F2010-04-01%2FAccounts%2FAC0%2FMessages%2FMM2%2FMedia%2FME2
        """;

    private const string WhatsAppLocation = """
        MessageType=location&Body=&Latitude=17.0732&Longitude=-96.7266&Address=Z%C3%B3calo&Label=Z%C3%B3calo&NumMedia=0&MessageSid=SM33333333333333333333333333333333&From=whatsapp%3A%2B5215512345678&To=whatsapp%3A%2B14155238886
        """;

    private const string WhatsAppAdReferral = """
        Body=Hola&NumMedia=0&MessageSid=SM44444444444444444444444444444444&From=whatsapp%3A%2B5215512345678&ReferralSourceType=ad&ReferralSourceId=120200000000001&ReferralSourceUrl=https%3A%2F%2Ffb.me%2Fabc&ReferralCtwaClid=ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a&ReferralHeadline=Encuesta&ReferralNumMedia=0
        """;

    private const string SmsStop = "Body=STOP&NumMedia=0&MessageSid=SM55555555555555555555555555555555&From=%2B5219512345678&To=%2B19515550100&OptOutType=STOP";

    private const string SmsText = "Body=1+y+3&NumMedia=0&MessageSid=SM66666666666666666666666666666666&From=%2B5219512345678&To=%2B19515550100";

    [Fact]
    public void WhatsAppPrefilledLink_StartWithPromoterCode()
    {
        var inbound = Map(WhatsAppText);
        Assert.Equal(TwilioInboundAction.Converse, inbound.Action);
        Assert.Equal((Channel.WhatsApp, "+5215512345678"), (inbound.Key.Channel, inbound.Key.UserId));
        Assert.Equal("SM11111111111111111111111111111111", inbound.MessageId);
        Assert.Equal(Input.Start("radio_ixtlan"), inbound.Input);
        Assert.Empty(inbound.Referral);
    }

    [Theory]
    [InlineData(WhatsAppImage)]
    [InlineData(WhatsAppLocation)]
    public void MediaAndLocation_NotText(string payload) => Assert.Equal(Input.NotText, Map(payload).Input);

    [Fact]
    public void AdReferral_FieldsKept_NothingPersonal()
    {
        var referral = Map(WhatsAppAdReferral).Referral;
        Assert.Equal(["ReferralSourceType", "ReferralSourceId", "ReferralSourceUrl", "ReferralCtwaClid"], referral.Keys);
        Assert.Equal("ad", referral["ReferralSourceType"]);
    }

    [Fact]
    public void SmsStop_OptOut()
    {
        var inbound = Map(SmsStop);
        Assert.Equal(TwilioInboundAction.OptOut, inbound.Action);
        Assert.Equal(Channel.Sms, inbound.Key.Channel);
    }

    [Fact]
    public void SmsText_PlainText() => Assert.Equal(Input.FromText("1 y 3"), Map(SmsText).Input);

    [Fact]
    public void WhatsAppStop_JustText_NoCarrierOptOutThere() =>
        Assert.Equal(TwilioInboundAction.Converse, Map("Body=STOP&MessageSid=SM7&From=whatsapp%3A%2B5215512345678").Action);

    [Theory]
    [InlineData("Body=Hola&From=%2B5219512345678")]
    [InlineData("Body=Hola&MessageSid=SM8&From=messenger%3A123456")]
    [InlineData("Body=Hola&MessageSid=SM8&From=client%3Aalice")]
    public void NoSidOrUnknownSender_Ignored(string payload) => Assert.Equal(TwilioInboundAction.Ignore, Map(payload).Action);

    private static TwilioInbound Map(string payload) =>
        TwilioInboundMapper.Map(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(payload.Trim()).Select(p => new KeyValuePair<string, StringValues>(p.Key, p.Value)));
}
