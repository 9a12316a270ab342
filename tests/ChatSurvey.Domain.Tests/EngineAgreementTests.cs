using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>
/// Spanish as people write it: an option word in the gender and number that agrees with the question, with or without
/// accents, in any case. "¿Cómo consideras la participación…?" is answered "buena", not "bueno".
/// </summary>
public class EngineAgreementTests
{
    [Theory]
    // single choice (q4: Excelente, Bueno, Regular, Malo, Pésimo)
    [InlineData("q4", "bueno", new[] { 1 })]
    [InlineData("q4", "buena", new[] { 1 })]
    [InlineData("q4", "buenos", new[] { 1 })]
    [InlineData("q4", "Buenas", new[] { 1 })]
    [InlineData("q4", "MALA", new[] { 3 })]
    [InlineData("q4", "malos", new[] { 3 })]
    [InlineData("q4", "pésima", new[] { 4 })]
    [InlineData("q4", "pesimas", new[] { 4 })]
    [InlineData("q4", "excelentes", new[] { 0 })]
    [InlineData("q4", "regulares", new[] { 2 })]
    // single choice with a plural option (q8: … Mujeres, Jóvenes, Personas con discapacidad, …)
    [InlineData("q8", "mujer", new[] { 1 })]
    [InlineData("q8", "joven", new[] { 2 })]
    [InlineData("q8", "persona adulta mayor", new[] { 4 })]
    [InlineData("q8", "Persona con discapacidad", new[] { 3 })]
    // multiple choice (q3: Televisión, Radio, Periódicos, Revistas, …)
    [InlineData("q3", "periódico y revista", new[] { 2, 3 })]
    [InlineData("q3", "REVISTA, periodico", new[] { 2, 3 })]
    // ranked (q11: 22 topics)
    [InlineData("q11", "derecho humano, salud, educación, vivienda, empleos", new[] { 14, 17, 0, 1, 20 })]
    public void Answer_OptionWordInAnyAgreement_IsUnderstood(string question, string typed, int[] expected)
    {
        var chat = new Chat().Reach(question).User(typed);

        Assert.Equal(expected, chat.ChoicesOf(question));
    }

    [Theory]
    [InlineData("buena", 1)]
    [InlineData("PÉSIMA", 4)]
    [InlineData("malas", 3)]
    [InlineData("excelentes", 0)]
    public void Grid_RowRatedInAnyAgreement_IsUnderstood(string typed, int expected)
    {
        var chat = new Chat().Reach("q5").User(typed).Bot("2 de 5");

        Assert.Equal([expected], chat.State.Draft.Choices.ToArray());
    }

    [Fact]
    public void Alias_PerLanguage_IsUnderstood()
    {
        var json = SurveyFixture.Json.Replace(
            """{ "code": "bueno", "text": { "es": "Bueno", "en": "Good" }, "aliases": ["B"] }""",
            """{ "code": "bueno", "text": { "es": "Bueno", "en": "Good" }, "aliases": { "es": ["B", "chido"], "en": ["fine"] } }""",
            StringComparison.Ordinal);
        var survey = new Conversations.CompiledSurvey(Surveys.SurveyLoader.Parse(json, "survey.json"), SurveyFixture.Packs);

        Assert.Equal([1], new Chat(survey).Reach("q4").User("chidas").ChoicesOf("q4"));
        Assert.Equal([1], new Chat(survey).Reach("q4").User("fine").ChoicesOf("q4"));
    }
}
