using ChatSurvey.Bot.Channels.Twilio;

namespace ChatSurvey.Bot.Tests.Twilio;

public sealed class WhatsAppLinkTests
{
    [Fact]
    public void For_WaMeWithPrefilledText() => Assert.Equal(
        "https://wa.me/14155238886?text=Hola%2C%20quiero%20responder%20la%20encuesta%20%28c%C3%B3digo%3A%20radio_ixtlan%29",
        WhatsAppLink.For("whatsapp:+14155238886", "radio_ixtlan").AbsoluteUri);

    [Theory]
    [InlineData("Hola, quiero responder la encuesta (código: radio_ixtlan)", "radio_ixtlan")]
    [InlineData("hola!! quiero responder (codigo: sec-mujeres) gracias", "sec-mujeres")]
    [InlineData("Hello, I want to answer (code: ABC_1)", "ABC_1")]
    [InlineData("(CÓDIGO:x)", "x")]
    public void TryParseCode_Found(string text, string code)
    {
        Assert.True(WhatsAppLink.TryParseCode(text, out var found));
        Assert.Equal(code, found);
    }

    [Theory]
    [InlineData("Hola")]
    [InlineData("mi código es radio_ixtlan")]
    [InlineData("(código: no válido!)")]
    [InlineData("")]
    public void TryParseCode_NotFound(string text) => Assert.False(WhatsAppLink.TryParseCode(text, out _));

    [Fact]
    public void RoundTrip_PrefilledTextCarriesTheCode()
    {
        Assert.True(WhatsAppLink.TryParseCode(WhatsAppLink.Prefilled("radio_ixtlan"), out var code));
        Assert.Equal("radio_ixtlan", code);
    }
}
