using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class RankedParserTests
{
    /// <summary>The 22 topics of the Local Action Plan (Q11).</summary>
    private static readonly OptionIndex Topics = new(SurveyFixture.Question("q11").Options, SurveyFixture.Spanish);

    [Theory]
    [InlineData("3 1 7 12 5", "", 5, "movilidad_transporte educacion competencia_fomento_economico transparencia_presupuestaria arte_cultura")]
    [InlineData("3, 1, 7, 12 y 5", "", 5, "movilidad_transporte educacion competencia_fomento_economico transparencia_presupuestaria arte_cultura")]
    [InlineData("salud", "", 5, "salud")]
    [InlineData("Arte y cultura", "", 5, "arte_cultura")]
    [InlineData("4 y 9", "17", 4, "tramites_digitales tramites_servicios_publicos")]
    [InlineData("la 21", "17 0 3 8", 1, "empleo")]
    [InlineData("salud y arte y cultura", "", 5, "salud arte_cultura")]
    [InlineData("Justicia y seguridad pública y medio ambiente y cambio climático", "", 5, "justicia_seguridad medio_ambiente")]
    public void Parse_Picks_GivesOptionsInOrder(string typed, string chosen, int placesLeft, string expected)
    {
        var result = RankedParser.Parse(TextNormalizer.Normalize(typed), Topics, Chosen(chosen), placesLeft);

        Assert.True(result.IsOk, $"{typed}: {result.Rejection}");
        Assert.Equal(expected, string.Join(' ', result.Value.Select(i => SurveyFixture.Question("q11").Options[i].Code)));
    }

    [Theory]
    [InlineData("3 3 1", "", 5, Rejection.Repeated)]
    [InlineData("salud y 18", "", 5, Rejection.Repeated)]
    [InlineData("18", "17", 4, Rejection.Repeated)]
    [InlineData("2 18", "17", 4, Rejection.Repeated)]
    [InlineData("1 2 3 4 5 6", "", 5, Rejection.TooMany)]
    [InlineData("5 6", "0 1 2 3", 1, Rejection.TooMany)]
    [InlineData("23", "", 5, Rejection.OutOfRange)]
    [InlineData("cine", "", 5, Rejection.NotUnderstood)]
    [InlineData("", "", 5, Rejection.Empty)]
    public void Parse_BadPicks_AreRejected(string typed, string chosen, int placesLeft, Rejection expected) =>
        Assert.Equal(expected, RankedParser.Parse(TextNormalizer.Normalize(typed), Topics, Chosen(chosen), placesLeft).Rejection);

    private static int[] Chosen(string indexes) =>
        [.. indexes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
}
