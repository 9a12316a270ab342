using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  ¡Sí!  ", "si")]
    [InlineData("SÍ", "si")]
    [InlineData("Televisión", "television")]
    [InlineData("Pésimo", "pesimo")]
    [InlineData("Niños, niñas y adolescentes", "ninos, ninas y adolescentes")]
    [InlineData("¿Cuál?", "cual")]
    [InlineData("la 3.", "la 3")]
    [InlineData("1,   3   y 5", "1, 3 y 5")]
    [InlineData("radio\ny tele", "radio,y tele")]
    [InlineData("\u200Bhola\u200D", "hola")]
    [InlineData("\u200Fatrás\u200E", "atras")]
    [InlineData("\uFEFFestado", "estado")]
    [InlineData("/Start ABC", "/start abc")]
    [InlineData("«bueno»", "bueno")]
    [InlineData("*B R M B E*", "b r m b e")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("?!", "")]
    public void Normalize_ChatUtterance_FoldsCaseAccentsAndSpacing(string typed, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(typed));

    [Theory]
    [InlineData("  Falta de agua en Santa María  ", "Falta de agua en Santa María")]
    [InlineData("\u200BCalles sin pavimentar\u200B", "Calles sin pavimentar")]
    [InlineData("\u202BBasura en el río\u202C", "Basura en el río")]
    [InlineData("ÑUÑOA", "ÑUÑOA")]
    public void Clean_FreeText_KeepsCaseAndAccentsButDropsInvisibles(string typed, string expected) =>
        Assert.Equal(expected, TextNormalizer.Clean(typed));

    [Theory]
    [InlineData('\u200B', true)]
    [InlineData('\u200F', true)]
    [InlineData('\u202E', true)]
    [InlineData('\u2066', true)]
    [InlineData('\u00AD', true)]
    [InlineData('\uFEFF', true)]
    [InlineData(' ', false)]
    [InlineData('á', false)]
    public void IsInvisible_Character_IsTrueOnlyForInvisibleMarks(char c, bool expected) =>
        Assert.Equal(expected, TextNormalizer.IsInvisible(c));
}
