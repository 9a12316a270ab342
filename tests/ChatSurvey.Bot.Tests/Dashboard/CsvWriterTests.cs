using System.Text;
using ChatSurvey.Bot.Dashboard.Exports;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>Cells as RFC 4180 and spreadsheets need them.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("Pésimo", "Pésimo")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("dijo \"hola\"", "\"dijo \"\"hola\"\"\"")]
    [InlineData("uno\r\ndos", "\"uno\r\ndos\"")]
    [InlineData("uno\ndos", "\"uno\ndos\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+52 951", "'+52 951")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("'ya", "'ya")]
    public void Field_Value_QuotedAndNeutralized(string? value, string expected) => Assert.Equal(expected, CsvWriter.Field(value));

    [Fact]
    public async Task Write_TwoRows_BomOnceAndCrlfAfterEachRecord()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
        {
            await csv.WriteRowAsync(["a", "b"]);
            await csv.WriteRowAsync(["1", null]);
        }

        Assert.Equal("\uFEFFa,b\r\n1,\r\n", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'a'], stream.ToArray()[..4]);
    }
}
