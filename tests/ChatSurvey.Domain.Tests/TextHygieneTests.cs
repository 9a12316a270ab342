using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class TextHygieneTests
{
    [Theory]
    [InlineData("Falta de agua", "Falta de agua")]
    [InlineData("agua\u0000potable", "aguapotable")]
    [InlineData("\u0007campana\u001B[31m", "campana[31m")]
    [InlineData("borrado\u007F", "borrado")]
    [InlineData("c1\u0085\u009Bfin", "c1fin")]
    [InlineData("línea 1\r\nlínea 2", "línea 1\nlínea 2")]
    [InlineData("línea 1\rlínea 2", "línea 1\nlínea 2")]
    [InlineData("col 1\tcol 2", "col 1\tcol 2")]
    [InlineData("Oaxaca\u0301", "Oaxacá")]
    [InlineData("e\u0301xito", "éxito")]
    public void Clean_HostileText_DropsControlsAndComposes(string typed, string expected) =>
        Assert.Equal(expected, TextHygiene.Clean(typed));

    /// <summary>Built in code: xunit's theory data cannot carry a lone surrogate intact.</summary>
    [Fact]
    public void Clean_LoneSurrogatesAndNonCharacters_BecomeReplacementCharacters()
    {
        Assert.Equal("mitad \uFFFD de emoji", TextHygiene.Clean("mitad \uD83D de emoji"));
        Assert.Equal("al revés \uFFFD", TextHygiene.Clean("al revés \uDC00"));
        Assert.Equal("\uFFFD\uFFFD", TextHygiene.Clean("\uFFFE\uFFFF"));
        Assert.Equal("emoji entero \uD83D\uDE00", TextHygiene.Clean("emoji entero \uD83D\uDE00"));
    }

    [Fact]
    public void Clean_TextThatNeedsNothing_IsTheSameInstance()
    {
        var text = "Inseguridad en la colonia";
        Assert.Same(text, TextHygiene.Clean(text));
    }

    [Theory]
    [InlineData("abcdef", 4, "abcd")]
    [InlineData("abc\uD83D\uDE00", 4, "abc")]
    [InlineData("ab\u0000cdef", 4, "abcd")]
    [InlineData("abc", 4, "abc")]
    public void Clean_LongerThanTheCap_IsCutWithoutSplittingAPair(string typed, int cap, string expected) =>
        Assert.Equal(expected, TextHygiene.Clean(typed, cap));

    [Fact]
    public void Clean_EveryUtf16CodeUnit_LeavesNothingADatabaseRefuses()
    {
        var all = new string([.. Enumerable.Range(0, 0x10000).Select(c => (char)c)]);
        var clean = TextHygiene.Clean(all);
        Assert.DoesNotContain('\0', clean);
        Assert.All(clean.Where(char.IsControl), c => Assert.True(c is '\n' or '\t', $"U+{(int)c:X4} kept"));
        // Strict UTF-8 throws on a lone surrogate, as PostgreSQL's driver does.
        _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(clean);
    }
}
