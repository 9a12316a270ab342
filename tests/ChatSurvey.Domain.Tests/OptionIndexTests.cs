using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class OptionIndexTests
{
    private static readonly OptionIndex Media = new(SurveyFixture.Question("q3").Options, SurveyFixture.Spanish);
    private static readonly OptionIndex Rating = new(SurveyFixture.Question("q4").Options, SurveyFixture.Spanish);
    private static readonly OptionIndex Groups = new(SurveyFixture.Question("q8").Options, SurveyFixture.Spanish);
    private static readonly OptionIndex Topics = new(SurveyFixture.Question("q11").Options, SurveyFixture.Spanish);

    [Theory]
    [InlineData("3", "periodicos")]
    [InlineData("la 3", "periodicos")]
    [InlineData("La 3.", "periodicos")]
    [InlineData("opción 5", "internet")]
    [InlineData("número 2", "radio")]
    [InlineData("#7", "redes_sociales")]
    [InlineData("Radio", "radio")]
    [InlineData("PERIÓDICOS", "periodicos")]
    [InlineData("periodicos", "periodicos")]
    [InlineData("tele", "television")]
    [InlineData("Facebook", "redes_sociales")]
    [InlineData("instagram", "redes_sociales")]
    [InlineData("Otro", "otro")]
    [InlineData("Newspapers", "periodicos")]
    [InlineData("directamente", "dependencias")]
    public void Match_MediaAnswer_FindsOption(string typed, string expectedCode) =>
        AssertMatches(Media, "q3", typed, expectedCode);

    [Theory]
    [InlineData("bueno", "bueno")]
    [InlineData("B", "bueno")]
    [InlineData("e", "excelente")]
    [InlineData("Pésimo", "pesimo")]
    [InlineData("regu", "regular")]
    [InlineData("5", "pesimo")]
    public void Match_RatingAnswer_FindsOptionByTextAliasOrNumber(string typed, string expectedCode) =>
        AssertMatches(Rating, "q4", typed, expectedCode);

    [Theory]
    [InlineData("mujeres", "mujeres")]
    [InlineData("Jóvenes", "jovenes")]
    [InlineData("discapacidad", "personas_discapacidad")]
    [InlineData("afrodescendiente", "indigena_afrodescendiente")]
    [InlineData("niños", "ninos_ninas_adolescentes")]
    public void Match_GroupAnswer_FindsOption(string typed, string expectedCode) =>
        AssertMatches(Groups, "q8", typed, expectedCode);

    [Theory]
    [InlineData("salud", "salud")]
    [InlineData("Arte y cultura", "arte_cultura")]
    [InlineData("rendición de cuentas", "rendicion_cuentas")]
    [InlineData("corrupción", "combate_corrupcion")]
    [InlineData("22", "otro")]
    public void Match_TopicAnswer_FindsOption(string typed, string expectedCode) =>
        AssertMatches(Topics, "q11", typed, expectedCode);

    [Theory]
    [InlineData("q11", "tra")]
    [InlineData("q8", "personas")]
    [InlineData("q11", "trámite")]
    [InlineData("q11", "Trámite y servicios")]
    public void Match_WordOfSeveralOptions_IsAmbiguous(string question, string typed)
    {
        var index = new OptionIndex(SurveyFixture.Question(question).Options, SurveyFixture.Spanish);
        var result = index.Match(TextNormalizer.Normalize(typed));

        Assert.Equal(Rejection.Ambiguous, result.Rejection);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("la 12")]
    [InlineData("100")]
    public void Match_NumberOutsideList_IsOutOfRange(string typed) =>
        Assert.Equal(Rejection.OutOfRange, Media.Match(TextNormalizer.Normalize(typed)).Rejection);

    [Theory]
    [InlineData("tv abierta", Rejection.NotUnderstood)]
    [InlineData("xyz", Rejection.NotUnderstood)]
    [InlineData("3.5", Rejection.NotUnderstood)]
    [InlineData("", Rejection.Empty)]
    public void Match_Unknown_IsRejected(string typed, Rejection expected) =>
        Assert.Equal(expected, Media.Match(TextNormalizer.Normalize(typed)).Rejection);

    [Theory]
    [InlineData("1,3", "television periodicos")]
    [InlineData("1 3", "television periodicos")]
    [InlineData("1 y 3", "television periodicos")]
    [InlineData("radio y tele", "radio television")]
    [InlineData("Internet, Facebook", "internet redes_sociales")]
    [InlineData("5 y 8", "internet otro")]
    public void MatchList_ListAnswer_FindsOptionsInOrder(string typed, string expectedCodes)
    {
        var result = Media.MatchList(TextNormalizer.Normalize(typed));

        Assert.True(result.IsOk, $"{typed}: {result.Rejection}");
        Assert.Equal(expectedCodes, string.Join(' ', result.Value.Select(i => SurveyFixture.Question("q3").Options[i].Code)));
    }

    [Theory]
    [InlineData("1, 1", Rejection.Repeated)]
    [InlineData("radio y 2", Rejection.Repeated)]
    [InlineData("1, 9", Rejection.OutOfRange)]
    [InlineData("radio y cine", Rejection.NotUnderstood)]
    [InlineData(", ,", Rejection.Empty)]
    public void MatchList_BadItem_RejectsWholeList(string typed, Rejection expected) =>
        Assert.Equal(expected, Media.MatchList(TextNormalizer.Normalize(typed)).Rejection);

    private static void AssertMatches(OptionIndex index, string question, string typed, string expectedCode)
    {
        var result = index.Match(TextNormalizer.Normalize(typed));

        Assert.True(result.IsOk, $"{typed}: {result.Rejection}");
        Assert.Equal(expectedCode, SurveyFixture.Question(question).Options[result.Value].Code);
    }
}
