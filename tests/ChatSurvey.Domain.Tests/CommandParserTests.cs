using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class CommandParserTests
{
    [Theory]
    [InlineData("/start", null)]
    [InlineData("  /start  ", null)]
    [InlineData("/start abc_1", "abc_1")]
    [InlineData("/start ABC_1", "ABC_1")]
    [InlineData("/START Sec-Mujeres", "Sec-Mujeres")]
    [InlineData("/start\tcolectivo_9", "colectivo_9")]
    public void IsStart_StartCommand_GivesPayloadWithCaseKept(string typed, string? expected)
    {
        Assert.True(CommandParser.IsStart(typed, out var payload));
        Assert.Equal(expected, payload);
    }

    [Theory]
    [InlineData("/startx")]
    [InlineData("/start_abc")]
    [InlineData("start")]
    [InlineData("hola /start")]
    [InlineData("")]
    public void IsStart_OtherText_IsNoStart(string typed)
    {
        Assert.False(CommandParser.IsStart(typed, out var payload));
        Assert.Null(payload);
    }
}
