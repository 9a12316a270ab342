using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;
using ChatSurvey.Tests.Common;
using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>A third language added as files only (see <see cref="ThirdLanguage"/>): offered, chosen, understood.</summary>
public class EngineThirdLanguageTests
{
    private static readonly CompiledSurvey Survey = new(
        SurveyLoader.Parse(ThirdLanguage.SurveyJson(SurveyFixture.Json), "survey.json"),
        [.. SurveyFixture.Packs, (LanguagePackLoader.Parse(ThirdLanguage.PackJson, "languages/eo.json"), "languages/eo.json")]);

    [Fact]
    public void FirstMessage_ThreeLanguages_OffersEachByNumberAndName()
    {
        var chat = new Chat(Survey).User("hola").Bot("Elige tu idioma / Choose your language / Elektu vian lingvon");

        Assert.Equal(Stage.ChooseLanguage, chat.State.Stage);
        Assert.Equal(["1. Español", "2. English", "3. Esperanto"], chat.LastReply.Choices.Select(c => $"{c.Value}. {c.Label}"));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("tres")]
    [InlineData("Esperanto")]
    [InlineData("en esperanto")]
    public void ChooseLanguage_Esperanto_ConsentAndQuestionsInEsperanto(string typed)
    {
        var chat = new Chat(Survey).User("hola").User(typed)
            .Bot("Bone, ni daŭrigas en Esperanto.").Bot("Saluton!").Bot("Privateca avizo").Bot("(Por ŝanĝi la lingvon, skribu \"lingvo\".)")
            .User("jes").Bot("Demando 1 el 12").Bot("Ĉu vi jam aŭdis pri \"Malferma Registaro\"?");

        Assert.Equal("eo", chat.Event<ConversationStarted>().Language);
        Assert.Equal(["Jes", "Ne"], chat.LastReply.Choices.Select(c => c.Label));
    }

    [Fact]
    public void Answers_InEsperanto_AreUnderstood()
    {
        var chat = new Chat(Survey).User("hola").User("3").User("jes")
            .User("jes").User("ne").User("unu kaj du")
            .Bot("Demando 4 el 12").Bot("Kiel vi taksas")
            .User("bonaj");

        Assert.Equal([0], chat.ChoicesOf("q1"));
        Assert.Equal([1], chat.ChoicesOf("q2"));
        Assert.Equal([0, 1], chat.ChoicesOf("q3"));
        Assert.Equal([1], chat.ChoicesOf("q4"));
    }

    [Fact]
    public void MissingText_FallsBackToTheDefaultLanguage()
    {
        // q2's text and the grid hint have no Esperanto: the Spanish ones are said instead, with Esperanto around them.
        var chat = new Chat(Survey).User("hola").User("3").User("jes").User("jes")
            .Bot("Demando 2 el 12").Bot("¿Has escuchado sobre Transparencia Proactiva?");

        Assert.Equal("q2", chat.CurrentQuestion);
    }

    [Fact]
    public void Warnings_NameEveryMissingText()
    {
        var warnings = string.Join('\n', Survey.Warnings);

        Assert.Contains("languages/eo.json:", warnings, StringComparison.Ordinal);
        Assert.Contains("gridHint", warnings, StringComparison.Ordinal);
        Assert.Contains("$.questions[1].text", warnings, StringComparison.Ordinal);
        Assert.DoesNotContain("$.questions[0].text,", warnings, StringComparison.Ordinal);
        Assert.DoesNotContain(Survey.Warnings, w => w.StartsWith("en", StringComparison.Ordinal));
    }

    [Fact]
    public void LanguageCommand_AtAQuestion_OffersLanguagesAndReturnsThere()
    {
        var chat = new Chat(Survey).User("hola").User("3").User("jes").User("jes")
            .User("lingvo").Bot("Elige tu idioma / Choose your language / Elektu vian lingvon")
            .User("2").Bot("All right, we continue in English.").Bot("Question 2 of 12");

        Assert.Equal(("en", "q2"), (chat.State.Language, chat.CurrentQuestion));
    }

    [Theory]
    [InlineData("idioma")]
    [InlineData("language")]
    [InlineData("/idioma")]
    public void LanguageCommand_AnyLanguagesWord_OffersLanguages(string typed)
    {
        var chat = new Chat(Survey).User("hola").User("1").User("sí").User(typed);

        Assert.Equal(Stage.ChooseLanguage, chat.State.Stage);
    }

    [Fact]
    public void ChooseLanguage_UnknownAnswer_OffersThemAgain()
    {
        var chat = new Chat(Survey).User("hola").User("7").Bot("Elektu vian lingvon");

        Assert.True(chat.LastReply.IsReask);
        Assert.Equal(Stage.ChooseLanguage, chat.State.Stage);
    }

    [Theory]
    [InlineData("eo", "Saluton!")]
    [InlineData("en-US", "Privacy notice")]
    public void Locale_OfALanguageTheSurveyHas_SkipsTheMenu(string locale, string expected)
    {
        var chat = new Chat(Survey).Send(Input.FromText("hola") with { Locale = locale }).Bot(expected);

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }

    [Fact]
    public void Locale_OfALanguageTheSurveyLacks_OffersTheMenu()
    {
        var chat = new Chat(Survey).Send(Input.Start() with { Locale = "fr" });

        Assert.Equal(Stage.ChooseLanguage, chat.State.Stage);
    }
}
