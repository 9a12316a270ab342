using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class YesNoParserTests
{
    [Theory]
    [InlineData("Sí")]
    [InlineData("si")]
    [InlineData("SI")]
    [InlineData("s")]
    [InlineData("1")]
    [InlineData("claro")]
    [InlineData("Sí, claro")]
    [InlineData("si acepto")]
    [InlineData("Sí, acepto")]
    [InlineData("simón")]
    [InlineData("ok")]
    [InlineData("De acuerdo")]
    [InlineData("Por supuesto!")]
    [InlineData("yes")]
    public void Parse_Yes_IsTrue(string typed)
    {
        var result = YesNoParser.Parse(TextNormalizer.Normalize(typed));

        Assert.True(result.IsOk);
        Assert.True(result.Value);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("n")]
    [InlineData("2")]
    [InlineData("nel")]
    [InlineData("nop")]
    [InlineData("No acepto")]
    [InlineData("no, gracias")]
    [InlineData("nope")]
    public void Parse_No_IsFalse(string typed)
    {
        var result = YesNoParser.Parse(TextNormalizer.Normalize(typed));

        Assert.True(result.IsOk);
        Assert.False(result.Value);
    }

    [Theory]
    [InlineData("", Rejection.Empty)]
    [InlineData("   ", Rejection.Empty)]
    [InlineData("tal vez", Rejection.NotUnderstood)]
    [InlineData("3", Rejection.NotUnderstood)]
    [InlineData("sino", Rejection.NotUnderstood)]
    [InlineData("👍", Rejection.NotUnderstood)]
    [InlineData("hola", Rejection.NotUnderstood)]
    public void Parse_NeitherYesNorNo_IsRejected(string typed, Rejection expected) =>
        Assert.Equal(expected, YesNoParser.Parse(TextNormalizer.Normalize(typed)).Rejection);
}
