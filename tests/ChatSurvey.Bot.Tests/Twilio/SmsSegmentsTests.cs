using ChatSurvey.Bot.Channels.Twilio;

namespace ChatSurvey.Bot.Tests.Twilio;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_160Single153Split(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_70Single67Split(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('á', length)));

    [Theory]
    [InlineData("¿Qué opinas? ¡Si! Niños, pingüino, Pésimo", true)]
    [InlineData("Televisión", false)]
    [InlineData("Número", false)]
    [InlineData("precio: 10 € [aprox] {x} ~ | ^ \\", true)]
    [InlineData("hola 👍", false)]
    public void IsGsm7_SpanishLettersOfTheBasicTable(string text, bool gsm) => Assert.Equal(gsm, SmsSegments.IsGsm7(text));

    [Fact]
    public void ExtensionCharacters_CountDouble()
    {
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)));
    }

    [Fact]
    public void ExtensionPair_NeverStraddlesASegment()
    {
        // 152 plain septets then '€' (2): the pair moves to the second segment, which then holds 2 + 152.
        var text = new string('a', 152) + "€" + new string('a', 152);
        Assert.Equal(3, SmsSegments.Count(text));
    }

    [Fact]
    public void OneAccent_TurnsTheWholeMessageUcs2()
    {
        var plain = new string('a', 100);
        Assert.Equal(1, SmsSegments.Count(plain));
        Assert.Equal(2, SmsSegments.Count(plain + "á"));
    }
}
