using ChatSurvey.Domain.Answers;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class ListSplitterTests
{
    /// <summary>The option texts of the media (Q3) and topics (Q11) questions, as the engine's index knows them.</summary>
    private static readonly HashSet<string> Names =
    [
        .. SurveyFixture.Question("q3").Options.Concat(SurveyFixture.Question("q11").Options)
            .Select(o => TextNormalizer.Normalize(o.Text.Default)),
    ];

    [Theory]
    [InlineData("1,3", "1|3")]
    [InlineData("1, 3", "1|3")]
    [InlineData("1 3", "1|3")]
    [InlineData("1 3 5", "1|3|5")]
    [InlineData("1 y 3", "1|3")]
    [InlineData("1 e 3", "1|3")]
    [InlineData("1, 3 and 5", "1|3|5")]
    [InlineData("1;3/5+7", "1|3|5|7")]
    [InlineData("la 3 y la 5", "la 3|la 5")]
    [InlineData("radio y tele", "radio|tele")]
    [InlineData("radio, tele e internet", "radio|tele|internet")]
    [InlineData("redes sociales", "redes sociales")]
    [InlineData("arte y cultura", "arte y cultura")]
    [InlineData("salud, arte y cultura", "salud|arte y cultura")]
    [InlineData("movilidad y transporte; empleo", "movilidad y transporte|empleo")]
    [InlineData("salud", "salud")]
    [InlineData("salud y arte y cultura", "salud|arte y cultura")]
    [InlineData("arte y cultura y salud", "arte y cultura|salud")]
    [InlineData("justicia y seguridad pública y empleo", "justicia y seguridad publica|empleo")]
    [InlineData("salud, movilidad y transporte y empleo", "salud|movilidad y transporte|empleo")]
    public void Split_ListAnswer_GivesItems(string typed, string expected) =>
        Assert.Equal(expected.Split('|'), ListSplitter.Split(TextNormalizer.Normalize(typed), ListNames.Of(Names, Names.Contains, SurveyFixture.Spanish.IsConjunction)));

    [Theory]
    [InlineData("")]
    [InlineData("y")]
    [InlineData(", , ,")]
    public void Split_NoItems_GivesEmptyList(string typed) =>
        Assert.Empty(ListSplitter.Split(TextNormalizer.Normalize(typed), ListNames.Of(Names, Names.Contains, SurveyFixture.Spanish.IsConjunction)));

    /// <summary>
    /// Each character of an answer is looked at a bounded number of times when joining pieces to find a name. Before,
    /// 4,000 "y" joined every span of pieces with every other (cubic: 70 s for 8,000 characters).
    /// </summary>
    [Theory]
    [InlineData("y ")]
    [InlineData("y y, ")]
    [InlineData("salud y ")]
    [InlineData("arte y ")]
    [InlineData("1 y ")]
    [InlineData("movilidad y transporte y ")]
    [InlineData("and e y ")]
    public void Split_8000CharacterAnswer_LooksAtEachCharacterABoundedNumberOfTimes(string unit)
    {
        var typed = string.Concat(Enumerable.Repeat(unit, 8000 / unit.Length));
        long looked = 0;
        var names = ListNames.Of(Names, name =>
        {
            looked += name.Length;
            return Names.Contains(name);
        }, SurveyFixture.Spanish.IsConjunction);

        ListSplitter.Split(TextNormalizer.Normalize(typed), names);

        Assert.InRange(looked, 0, 4 * typed.Length);
    }

    [Fact]
    public void Split_MoreItemsThanAllowed_StopsOneItemPastTheLimit()
    {
        var typed = string.Join(" y ", Enumerable.Range(1, 3000).Select(i => $"tema {i}"));
        var items = ListSplitter.Split(TextNormalizer.Normalize(typed), ListNames.Of(Names, Names.Contains, SurveyFixture.Spanish.IsConjunction), maxItems: 22);
        Assert.Equal(23, items.Count);
    }
}
