using System.Text;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramRendererTests
{
    private static readonly Choice[] Ratings = [new("E", "Excelente"), new("B", "Bueno"), new("R", "Regular"), new("M", "Malo"), new("P", "Pésimo")];

    [Fact]
    public void Render_YesNo_TwoButtonsInOneRowNoList()
    {
        var message = Assert.Single(TelegramRenderer.Render(new Reply("¿Has escuchado?", ReplyStyle.YesNo, [new("1", "Sí"), new("2", "No")], "q1", Prompt: "q1.0"), TestSurvey.Compiled));
        Assert.Equal("¿Has escuchado?", message.Text);
        Assert.Equal([["Sí=a|q1.0|1", "No=a|q1.0|2"]], Rows(message));
    }

    [Fact]
    public void Render_Grid_RatingButtonsSendTheLetter()
    {
        var message = Assert.Single(TelegramRenderer.Render(new Reply("2 de 5: Participación", ReplyStyle.Grid, Ratings, "q5", Prompt: "q5.1"), TestSurvey.Compiled));
        Assert.Equal([["Excelente=a|q5.1|E", "Bueno=a|q5.1|B", "Regular=a|q5.1|R"], ["Malo=a|q5.1|M", "Pésimo=a|q5.1|P"]], Rows(message));
    }

    [Fact]
    public void Render_RankedTopics_NumberedListAndRowsOfTwoToFourShortButtons()
    {
        var topics = RealQuestion("q11");
        var message = Assert.Single(TelegramRenderer.Render(topics, TestSurvey.Compiled));
        Assert.Contains("\n4. Trámite y servicios digitales gubernamentales\n", message.Text, StringComparison.Ordinal);
        var rows = message.Keyboard!.InlineKeyboard.Select(r => r.ToList()).ToList();
        Assert.All(rows.SkipLast(1), r => Assert.InRange(r.Count, 2, 4));
        Assert.Equal(22, rows.Sum(r => r.Count));
        Assert.All(rows.SelectMany(r => r), b => Assert.True(b.Text.Length <= 26, b.Text));
        Assert.Contains(rows.SelectMany(r => r), b => b.Text == "4. Trámite y servicios di…" && b.CallbackData == "a|q11.0|4");
    }

    [Fact]
    public void Render_MultipleChoice_TogglesPlusListo()
    {
        var message = Assert.Single(TelegramRenderer.Render(RealQuestion("q3"), TestSurvey.Compiled));
        var buttons = message.Keyboard!.InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal(9, buttons.Count);
        Assert.Equal("t|q3.0|1", buttons[0].CallbackData);
        Assert.Equal("t|q3.0|80", buttons[7].CallbackData);
        Assert.Equal($"{TestSurvey.Compiled.Texts("es").Done}=d|q3.0|0", $"{buttons[8].Text}={buttons[8].CallbackData}");
        Assert.Single(message.Keyboard.InlineKeyboard.Last());
    }

    [Fact]
    public void Render_EveryPromptOfTheSurvey_CallbackDataWithin64Bytes()
    {
        foreach (var code in TestSurvey.Compiled.Questions.Select(q => q.Code))
        {
            foreach (var message in TelegramRenderer.Render(RealQuestion(code), TestSurvey.Compiled))
            {
                Assert.All(message.Keyboard?.InlineKeyboard.SelectMany(r => r) ?? [], b => Assert.True(Encoding.UTF8.GetByteCount(b.CallbackData!) <= 64, b.CallbackData));
            }
        }
    }

    [Fact]
    public void Render_PromptTooLongForCallbackData_TextOnlyTypingStillWorks()
    {
        var message = Assert.Single(TelegramRenderer.Render(new Reply("¿?", ReplyStyle.SingleChoice, [new("1", "Uno"), new("2", "Dos")], Prompt: new string('q', 70)), TestSurvey.Compiled));
        Assert.Null(message.Keyboard);
        Assert.EndsWith("1. Uno\n2. Dos", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongSummary_SplitWithKeyboardOnTheLastPiece()
    {
        var messages = TelegramRenderer.Render(new Reply(string.Join('\n', Enumerable.Repeat("Pregunta: una respuesta bastante larga", 200)), ReplyStyle.SingleChoice, [new("1", "Enviar respuestas"), new("2", "Cambiar una respuesta")], Prompt: "@confirm"), TestSurvey.Compiled);
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Text.Length <= 4096));
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.Keyboard));
        // Two long labels side by side would be cut on a phone: one per row.
        Assert.Equal([["1. Enviar respuestas"], ["2. Cambiar una respuesta"]], messages[^1].Keyboard!.InlineKeyboard.Select(r => r.Select(b => b.Text).ToList()).ToList());
    }

    [Theory]
    [InlineData("a|q5.2|E", 'a', "q5.2", "E")]
    [InlineData("d|q12_contacto.0|ff", 'd', "q12_contacto.0", "ff")]
    [InlineData("a|@confirm|1", 'a', "@confirm", "1")]
    public void CallbackData_RoundTrip(string data, char kind, string prompt, string value)
    {
        Assert.True(TelegramCallbackData.TryParse(data, out var parsed));
        Assert.Equal(new TelegramCallbackData(kind, prompt, value), parsed);
        Assert.Equal(data, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("button2_b")]
    [InlineData("x|q1.0|1")]
    [InlineData("t|q3.0|zz")]
    [InlineData("a||1")]
    [InlineData("t|q3.0|11111111111111111")]
    public void CallbackData_Foreign_NotParsed(string data) => Assert.False(TelegramCallbackData.TryParse(data, out _));

    /// <summary>The reply the engine gives for the first step of a question of the real survey.</summary>
    private static Reply RealQuestion(string code)
    {
        var index = TestSurvey.Compiled.Questions.ToList().FindIndex(q => q.Code == code);
        var state = ConversationState.Initial with { Stage = Stage.Asking, Question = index, Answers = [.. new Answer?[TestSurvey.Compiled.Questions.Count]], LastSeen = 1 };
        return ConversationEngine.Repeat(TestSurvey.Compiled, state).Single();
    }

    private static List<List<string>> Rows(OutgoingMessage message) =>
        [.. message.Keyboard!.InlineKeyboard.Select(r => r.Select(b => $"{b.Text}={b.CallbackData}").ToList())];
}
