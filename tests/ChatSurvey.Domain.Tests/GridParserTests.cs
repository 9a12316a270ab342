using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class GridParserTests
{
    /// <summary>The federal government grid's scale: E, B, R, M, P.</summary>
    private static readonly OptionIndex Scale = new(SurveyFixture.Question("q5").Options, SurveyFixture.Spanish);

    [Theory]
    [InlineData("B R M B E", 5, "B R M B E")]
    [InlineData("brmbe", 5, "B R M B E")]
    [InlineData("BRM", 5, "B R M")]
    [InlineData("b,r,m", 5, "B R M")]
    [InlineData("b, r, m, b, e", 5, "B R M B E")]
    [InlineData("p-p-p", 3, "P P P")]
    [InlineData("bueno", 5, "B")]
    [InlineData("Bueno, malo", 5, "B M")]
    [InlineData("Excelente", 1, "E")]
    [InlineData("Pésimo", 1, "P")]
    [InlineData("2", 5, "B")]
    [InlineData("5", 2, "P")]
    [InlineData("r", 1, "R")]
    [InlineData("Good", 5, "B")]
    public void Parse_Ratings_GivesOneRatingPerRow(string typed, int rowsLeft, string expected)
    {
        var result = GridParser.Parse(TextNormalizer.Normalize(typed), Scale, rowsLeft);

        Assert.True(result.IsOk, $"{typed}: {result.Rejection}");
        Assert.Equal(expected, string.Join(' ', result.Value.Select(i => SurveyFixture.Question("q5").Options[i].Code)));
    }

    [Theory]
    [InlineData("B R M B E P", 5, Rejection.TooMany)]
    [InlineData("b r", 1, Rejection.TooMany)]
    [InlineData("x", 5, Rejection.NotUnderstood)]
    [InlineData("B R X", 5, Rejection.NotUnderstood)]
    [InlineData("muy bueno", 5, Rejection.NotUnderstood)]
    [InlineData("6", 5, Rejection.OutOfRange)]
    [InlineData("", 5, Rejection.Empty)]
    [InlineData("👍", 5, Rejection.NotUnderstood)]
    public void Parse_BadRatings_AreRejected(string typed, int rowsLeft, Rejection expected) =>
        Assert.Equal(expected, GridParser.Parse(TextNormalizer.Normalize(typed), Scale, rowsLeft).Rejection);
}
