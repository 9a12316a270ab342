using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class EngineLanguageTests
{
    [Theory]
    [InlineData("english")]
    [InlineData("English")]
    [InlineData("inglés")]
    public void Language_English_NextPromptIsInEnglish(string typed)
    {
        var chat = new Chat().Reach("q2").User(typed)
            .Bot("All right, we continue in English.")
            .Bot("Question 2 of 12").Bot("Proactive Transparency");

        Assert.Equal("en", chat.State.Language);
        Assert.Equal("Yes", chat.LastReply.Choices[0].Label);
    }

    [Fact]
    public void Language_EspanolAfterEnglish_SwitchesBack()
    {
        var chat = new Chat().Reach("q2").User("english").User("español")
            .Bot("De acuerdo, seguimos en español.").Bot("Pregunta 2 de 12");

        Assert.Equal("es", chat.State.Language);
    }

    [Fact]
    public void Language_EnglishAtNotice_ShowsEnglishNotice()
    {
        var chat = new Chat().User("hello").User("English").Bot("Privacy notice").Bot("Do you agree to continue?")
            .User("yes").Bot("Question 1 of 12");

        Assert.Equal("en", chat.Event<ConversationStarted>().Language);
    }

    [Fact]
    public void Language_EnglishReask_IsInEnglish()
    {
        var chat = new Chat().Reach("q4").User("english").User("9").Bot("Please choose a number from 1 to 5.");

        Assert.Equal("q4", chat.CurrentQuestion);
    }

    [Fact]
    public void Language_EnglishAnswers_AreUnderstood()
    {
        var chat = new Chat().Reach("q3").User("english")
            .User("radio and internet").Bot("Question 4 of 12")
            .User("good").Bot("Question 5 of 12");

        Assert.Equal([1, 4], chat.ChoicesOf("q3"));
        Assert.Equal([1], chat.ChoicesOf("q4"));
    }

    [Fact]
    public void DefaultLanguage_English_NewConversationsSpeakEnglish()
    {
        var json = SurveyFixture.Json.Replace("\"defaultLanguage\": \"es\"", "\"defaultLanguage\": \"en\"", StringComparison.Ordinal);
        var survey = new CompiledSurvey(Surveys.SurveyLoader.Parse(json, "survey.json"), SurveyFixture.Packs);

        var chat = new Chat(survey).User("hola").Bot("Hello! Thank you for taking part.").Bot("(Escribe \"español\" para seguir en español.)")
            .User("yes").Bot("Question 1 of 12");

        Assert.Equal("en", chat.Event<ConversationStarted>().Language);
    }

    [Fact]
    public void Locale_TelegramEnglish_StartsInEnglish()
    {
        var chat = new Chat().Send(Input.Start() with { Locale = "en" }).Bot("Privacy notice");

        Assert.Equal("en", chat.State.Language);
    }

    [Fact]
    public void Language_TwoLanguages_NoMenuAndTheOtherIsInvited()
    {
        var chat = new Chat().User("hola").Bot("Aviso de privacidad").Bot("(Write \"English\" to continue in English.)");

        Assert.Equal(Stage.Consent, chat.State.Stage);
    }
}
