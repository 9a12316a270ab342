using ChatSurvey.Bot.Channels.Voice;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>What keys and speech become at a prompt, as a table; the prompts are the engine's own shapes.</summary>
public sealed class VoiceKeysInterpretTests
{
    private static readonly CompiledSurvey Survey = TestSurvey.Compiled;

    /// <summary>A multiple choice longer than a page: ten options, numbered as the engine numbers them.</summary>
    private static readonly Reply TenOptions = new("¿Cuáles?", ReplyStyle.MultipleChoice, [.. Enumerable.Range(1, 10).Select(i => new Choice($"{i}", $"Opción {i}"))], "q3", Prompt: "q3.0");

    private static readonly Reply YesNo = new("¿Sí o no?", ReplyStyle.YesNo, [new("1", "Sí"), new("2", "No")], "q1", Prompt: "q1.0");

    private static readonly Reply GridRow = new("Transparencia", ReplyStyle.Grid, [new("E", "Excelente"), new("B", "Bueno"), new("R", "Regular"), new("M", "Malo"), new("P", "Pésimo")], "q5", Prompt: "q5.0");

    [Theory]
    [InlineData("1", "", "Answer:1")]
    [InlineData("2", "", "Answer:2")]
    [InlineData("3", "", "Invalid")]
    [InlineData("0", "", "Repeat")]
    [InlineData("9", "", "Answer:atras")]
    [InlineData("*", "", "Invalid")]
    [InlineData("#", "", "Invalid")]
    [InlineData("12", "", "Invalid")]
    [InlineData("", "", "Silence")]
    [InlineData("", "Sí, claro.", "Answer:Sí, claro.")]
    public void YesNo_KeysAndSpeech(string digits, string speech, string expected) =>
        Assert.Equal(expected, Read(YesNo, new VoiceStep(3), digits, speech));

    [Theory]
    [InlineData("1", "Answer:E")]
    [InlineData("3", "Answer:R")]
    [InlineData("5", "Answer:P")]
    [InlineData("6", "Invalid")]
    public void GridRow_KeysOneToFive_TheScalesLetters(string digits, string expected) =>
        Assert.Equal(expected, Read(GridRow, new VoiceStep(3), digits, ""));

    [Fact]
    public void MultipleChoice_KeysThenStar_KeepsThePicksForTheNextPage()
    {
        var first = Interpret(TenOptions, new VoiceStep(3), "13*");
        Assert.Equal((VoiceActionKind.NextPage, "1.3"), (first.Kind, first.Selection));

        var done = Interpret(TenOptions, new VoiceStep(4, Page: 1, Selection: "1.3"), "2");
        Assert.Equal((VoiceActionKind.Answer, "1,3,10"), (done.Kind, done.Text));
        Assert.Equal("Elegiste: Opción 1, Opción 3, Opción 10.", done.ReadBack);
    }

    [Fact]
    public void MultipleChoice_PoundAloneAfterEarlierPages_AnswersWithThosePicks()
    {
        var done = Interpret(TenOptions, new VoiceStep(4, Page: 1, Selection: "2"), "");
        Assert.Equal((VoiceActionKind.Answer, "2"), (done.Kind, done.Text));
    }

    [Theory]
    [InlineData("19")]
    [InlineData("1*3")]
    [InlineData("a")]
    public void MultipleChoice_AKeyThatNamesNothing_TheWholeEntryIsInvalid(string digits) =>
        Assert.Equal(VoiceActionKind.Invalid, Interpret(TenOptions, new VoiceStep(3), digits).Kind);

    [Theory]
    [InlineData("1", "Confirmed")]
    [InlineData("", "Confirmed")]
    [InlineData("2", "Answer:atras")]
    [InlineData("9", "Answer:atras")]
    public void Confirming_OnlyTwoOrNineSayItAgain(string digits, string expected) =>
        Assert.Equal(expected, Read(YesNo, new VoiceStep(3, Confirming: true), digits, ""));

    private static string Read(Reply prompt, VoiceStep step, string digits, string speech)
    {
        var action = Interpret(prompt, step, digits, speech);
        return action.Kind == VoiceActionKind.Answer ? $"Answer:{action.Text}" : action.Kind.ToString();
    }

    private static VoiceAction Interpret(Reply prompt, VoiceStep step, string digits, string speech = "") =>
        VoiceKeys.Interpret(prompt, VoiceScript.QuestionOf(Survey, prompt), VoiceMenu.For(prompt, step.Page, Survey, ""), step, digits, speech, Survey.Texts(""), Survey.Vocabulary(""));
}
