using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class CommandParserTests
{
    [Theory]
    [InlineData("ayuda", Command.Help)]
    [InlineData("Ayuda?", Command.Help)]
    [InlineData("/ayuda", Command.Help)]
    [InlineData("help", Command.Help)]
    [InlineData("atrás", Command.Back)]
    [InlineData("Atras", Command.Back)]
    [InlineData("/atras", Command.Back)]
    [InlineData("regresar", Command.Back)]
    [InlineData("back", Command.Back)]
    [InlineData("ESTADO", Command.Status)]
    [InlineData("status", Command.Status)]
    [InlineData("reiniciar", Command.Restart)]
    [InlineData("Empezar de nuevo", Command.Restart)]
    [InlineData("restart", Command.Restart)]
    [InlineData("cancelar", Command.Cancel)]
    [InlineData("cancel", Command.Cancel)]
    [InlineData("borrar", Command.Delete)]
    [InlineData("/borrar", Command.Delete)]
    [InlineData("Borrar mis datos", Command.Delete)]
    [InlineData("delete", Command.Delete)]
    [InlineData("saltar", Command.Skip)]
    [InlineData("skip", Command.Skip)]
    [InlineData("English", Command.English)]
    [InlineData("inglés", Command.English)]
    [InlineData("español", Command.Spanish)]
    [InlineData("Spanish", Command.Spanish)]
    public void Parse_CommandWord_IsRecognized(string typed, Command expected) =>
        Assert.Equal(expected, CommandParser.Parse(TextNormalizer.Normalize(typed)));

    [Theory]
    [InlineData("sí")]
    [InlineData("1")]
    [InlineData("atrás de la escuela no hay luz")]
    [InlineData("/start")]
    [InlineData("borrar todo")]
    [InlineData("")]
    public void Parse_Answer_IsNoCommand(string typed) =>
        Assert.Equal(Command.None, CommandParser.Parse(TextNormalizer.Normalize(typed)));

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
