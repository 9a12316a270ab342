using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;
using ChatSurvey.Tests.Common;
using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>How a phone call speaks each language: from its pack's "speech", else like the default language.</summary>
public class SpeechSettingsTests
{
    [Theory]
    [InlineData("es", "es-MX", "Polly.Mia")]
    [InlineData("en", "en-US", "Polly.Joanna")]
    [InlineData("", "es-MX", "Polly.Mia")]
    public void Speech_ShippedPacks_TheirOwnTagAndVoice(string language, string tag, string voice) =>
        Assert.Equal(new SpeechSettings(tag, voice), SurveyFixture.Survey.Speech(language));

    [Fact]
    public void Speech_PackWithoutSpeech_SpokenLikeTheDefaultLanguage()
    {
        var survey = new CompiledSurvey(
            SurveyLoader.Parse(ThirdLanguage.SurveyJson(SurveyFixture.Json), "survey.json"),
            [.. SurveyFixture.Packs, (LanguagePackLoader.Parse(ThirdLanguage.PackJson, "languages/eo.json"), "languages/eo.json")]);

        Assert.Equal(new SpeechSettings("es-MX", "Polly.Mia"), survey.Speech("eo"));
    }

    [Theory]
    [InlineData("""{"code": "xx", "name": "X", "speech": {"voice": "Polly.Mia"}}""", "$.speech.language")]
    [InlineData("""{"code": "xx", "name": "X", "speech": {"language": "es MX"}}""", "$.speech.language")]
    [InlineData("""{"code": "xx", "name": "X", "speech": {"language": "es-MX", "rate": "slow"}}""", "$.speech.rate")]
    public void Parse_BrokenSpeech_FailsNamingThePath(string json, string path)
    {
        var fault = Assert.Throws<SurveyDefinitionException>(() => LanguagePackLoader.Parse(json, "languages/xx.json"));
        Assert.Contains(path, fault.Message, StringComparison.Ordinal);
    }
}
