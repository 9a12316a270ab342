using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace ChatSurvey.Domain.Tests;

/// <summary>Random conversations through the real survey: the engine never throws, never stays silent, and every
/// response it completes satisfies the definition.</summary>
public class EnginePropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Answers =
    [
        "1", "2", "3", "4", "5", "6", "8", "12", "22", "0", "99", "la 3", "1,3", "1 y 8", "3 1 7 12 5", "18 22",
        "sí", "no", "Sí, acepto", "b", "e", "x", "bueno", "B R M B E", "brmbe", "E B R M P B", "tele", "radio y tele",
        "otro", "salud", "arte y cultura", "personas", "Falta de agua potable", "saltar", "enviar", "cambiar", "Continuar",
    ];

    private static readonly string[] Commands = ["atrás", "/atras", "estado", "ayuda", "english", "español"];

    private static readonly string[] Endings = ["borrar", "/borrar", "cancelar", "reiniciar", "Empezar de nuevo"];

    /// <summary>Messages no question, notice or summary accepts as an answer.</summary>
    private static readonly string[] Noise = ["", "   ", "\u200B", "👍🙏", "?!", new('a', 1001)];

    private static readonly string[] Odd = ["\u200Fhola\u200E", "/startx", "/start\u200B", "1\n3", "B\nR\nM"];

    /// <summary>
    /// Inputs of every kind. Without the ending words (borrar, cancelar, reiniciar) starts and long silences are rare
    /// too, so that many conversations get to the end and their responses are checked.
    /// </summary>
    private static Gen<Input> Inputs(bool withEndings) => Gen.Frequency(
        (withEndings ? 12 : 40, Gen.OneOf(Answers).Select(Input.FromText)),
        (3, Gen.OneOf(Commands).Select(Input.FromText)),
        (withEndings ? 1 : 0, Gen.OneOf(Endings).Select(Input.FromText)),
        (2, Gen.OneOf([.. Noise, .. Odd]).Select(Input.FromText)),
        (1, Gen.Char["abrmpe 0123456789,yáñ"].Array[0, 12].Select(chars => Input.FromText(new string(chars)))),
        (1, Gen.OneOf(Input.NotText, Input.Start(), Input.Start("Colectivo-9"), Input.Start("mal código"), Input.FromText("/start sec_mujeres"))));

    private static Gen<(Input Input, TimeSpan Silence)[]> Conversations(bool withEndings) =>
        Gen.Select(Inputs(withEndings), Gen.Frequency((withEndings ? 30 : 200, Gen.Const(TimeSpan.Zero)), (1, Gen.Const(TimeSpan.FromHours(13)))))
            .Array[1, 200];

    [Fact]
    public void RandomConversations_AnyInput_NeverThrowNorGoSilent()
    {
        var completed = 0;

        Conversations(withEndings: true).Sample(steps => Interlocked.Add(ref completed, Run(steps)), iter: 1000);

        output.WriteLine($"{completed} of 1000 random conversations completed.");
    }

    [Fact]
    public void RandomConversations_WithoutEndingCommands_CompleteValidResponses()
    {
        var completed = 0;

        Conversations(withEndings: false).Sample(steps => Interlocked.Add(ref completed, Run(steps)), iter: 1000);

        output.WriteLine($"{completed} of 1000 random conversations completed.");
        Assert.True(completed > 0, "no random conversation completed, so the response rules were never checked");
    }

    [Fact]
    public void CompletingScript_WithWrongAnswersInBetween_StillCompletesWithSameValues()
    {
        var expected = Finish(Script.ToSummary.Select(Input.FromText)).Values;
        var noise = Gen.OneOf(Gen.OneOf(Noise).Select(Input.FromText), Gen.OneOf("estado", "ayuda", "/ayuda").Select(Input.FromText), Gen.Const(Input.NotText));

        noise.Array[0, 3].Array[Script.ToSummary.Count].Sample(
            between => Assert.Equal(expected, Finish(Script.ToSummary.SelectMany((text, i) => between[i].Append(Input.FromText(text)))).Values),
            iter: 300);
    }

    /// <summary>Runs one conversation (the chat asserts the serializer round trip at each turn); returns how many completed.</summary>
    private static int Run((Input Input, TimeSpan Silence)[] steps)
    {
        var chat = new Chat();
        var completed = 0;
        foreach (var (input, silence) in steps)
        {
            chat.Wait(silence).Send(input);

            Assert.NotEmpty(chat.Replies);
            Assert.All(chat.Replies, r => Assert.InRange(r.Text.Length, 1, ReplySplitter.MaxLength));
            foreach (var done in chat.Events.OfType<ConversationCompleted>())
            {
                ResponseRules.Check(SurveyFixture.Definition, done.Response);
                completed++;
            }
        }

        return completed;
    }

    private static CompletedResponse Finish(IEnumerable<Input> inputs)
    {
        var chat = new Chat();
        foreach (var input in inputs)
        {
            chat.Send(input);
        }

        return chat.Send(Input.FromText("1")).Event<ConversationCompleted>().Response;
    }
}
