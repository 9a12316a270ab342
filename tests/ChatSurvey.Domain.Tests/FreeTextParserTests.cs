using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class FreeTextParserTests
{
    [Theory]
    [InlineData("Falta de agua potable", "Falta de agua potable")]
    [InlineData("  Inseguridad en la colonia  ", "Inseguridad en la colonia")]
    [InlineData("Más alumbrado público en Santa Lucía del Camino", "Más alumbrado público en Santa Lucía del Camino")]
    [InlineData("\u200BNo hay médico en la clínica\u200B", "No hay médico en la clínica")]
    [InlineData("\u200Fbaches\u200E", "baches")]
    [InlineData("Basura 🗑️ en el río", "Basura 🗑️ en el río")]
    [InlineData("2", "2")]
    public void Parse_Text_KeepsWordsCaseAndAccents(string typed, string expected)
    {
        var result = FreeTextParser.Parse(typed, 1000);

        Assert.True(result.IsOk, $"{typed}: {result.Rejection}");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("", Rejection.Empty)]
    [InlineData("   ", Rejection.Empty)]
    [InlineData("\n\t", Rejection.Empty)]
    [InlineData("\u200B", Rejection.Empty)]
    [InlineData("\u200E\u200F\u202B", Rejection.Empty)]
    [InlineData("👍🙏", Rejection.NoWords)]
    [InlineData("?!...", Rejection.NoWords)]
    [InlineData(" 👍 ", Rejection.NoWords)]
    public void Parse_NoText_IsRejected(string typed, Rejection expected) =>
        Assert.Equal(expected, FreeTextParser.Parse(typed, 1000).Rejection);

    [Fact]
    public void Parse_OneCharacterOverMaximum_IsTooLong() =>
        Assert.Equal(Rejection.TooLong, FreeTextParser.Parse(new string('a', 1001), 1000).Rejection);

    [Fact]
    public void Parse_ExactlyMaximum_IsAccepted() =>
        Assert.True(FreeTextParser.Parse(new string('á', 1000), 1000).IsOk);

    [Fact]
    public void Parse_InvisiblesAroundMaximum_AreNotCounted() =>
        Assert.True(FreeTextParser.Parse("\u200B" + new string('a', 200) + "\u200B", 200).IsOk);
}
