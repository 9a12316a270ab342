using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

public sealed class TwilioChannelsTests
{
    [Theory]
    [InlineData("whatsapp:+5215512345678", "whatsapp", "+5215512345678")]
    [InlineData("WhatsApp:+5215512345678", "whatsapp", "+5215512345678")]
    [InlineData("+5219512345678", "sms", "+5219512345678")]
    public void TryParseAddress_ChannelAndNumber(string address, string channel, string number)
    {
        Assert.True(TwilioChannels.TryParseAddress(address, out var c, out var n));
        Assert.Equal((Channel.Find(channel), number), (c, n));
        Assert.Equal(address.ToLowerInvariant(), TwilioChannels.Address(c, n).ToLowerInvariant());
    }

    [Theory]
    [InlineData("messenger:1234567")]
    [InlineData("client:alice")]
    [InlineData("5215512345678")]
    [InlineData("+52 1 55 1234 5678")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseAddress_Refused(string? address) => Assert.False(TwilioChannels.TryParseAddress(address, out _, out _));
}
