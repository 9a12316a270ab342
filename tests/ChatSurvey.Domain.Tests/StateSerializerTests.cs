using ChatSurvey.Domain.Conversations;
using Xunit;
using Xunit.Abstractions;

namespace ChatSurvey.Domain.Tests;

public class StateSerializerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("new")]
    [InlineData("consent with promoter")]
    [InlineData("grid half answered")]
    [InlineData("second text part")]
    [InlineData("ranked two picks")]
    [InlineData("summary")]
    [InlineData("summary in English")]
    [InlineData("confirm restart")]
    [InlineData("completed")]
    [InlineData("closed")]
    public void RoundTrip_StateAlongTheSurvey_IsEqual(string point)
    {
        var state = StateAt(point);

        var bytes = StateSerializer.Serialize(state);
        var back = StateSerializer.Deserialize(bytes);

        Assert.Equal(state, back);
        Assert.Equal(bytes, StateSerializer.Serialize(back));
    }

    [Fact]
    public void RoundTrip_HandBuiltState_KeepsEveryField()
    {
        var state = new ConversationState
        {
            Stage = Stage.ConfirmDelete,
            ReturnTo = Stage.PickCorrection,
            Language = "en",
            Question = 16,
            Answers = [Answer.Choice(0), null, new Answer([2, 0, 6], []), Answer.Empty, Answer.Text("Niñez en situación de calle 👧")],
            Draft = new Answer([1, 2], ["Señalización"]),
            Promoter = "Colectivo-Oaxaca_9",
            StartedAt = 1_795_000_000,
            LastSeen = 1_795_000_600,
            Reminded = true,
            Survey = CompiledSurvey.TagOf("ogaipo-gobierno-abierto", "2022.1"),
        };

        Assert.Equal(state, StateSerializer.Deserialize(StateSerializer.Serialize(state)));
    }

    /// <summary>States written before versions were recorded (format 1) still load, with no survey recorded.</summary>
    [Fact]
    public void Deserialize_Format1_LoadsWithNoSurveyRecorded()
    {
        var state = StateSerializer.Deserialize(Convert.FromHexString("0102000002657300000000000000"));
        Assert.Equal(ConversationState.Initial with { Stage = Stage.Asking, Language = "es" }, state);
        Assert.Equal(0u, state.Survey);
    }

    /// <summary>
    /// Layout (format 1): format, stage, return-to, reminded, language, promoter, question, started, last seen, draft,
    /// answers. A valid empty state is <c>01 02 00 00 02 65 73 00 00 00 00 00 00 00</c>; format 2 adds the survey tag
    /// after the flags.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("68 6F 6C 61")]
    [InlineData("03 02 00 00 02 65 73 00 00 00 00 00 00 00")]
    [InlineData("02 02 00 00 FF FF FF FF FF 01 02 65 73 00 00 00 00 00 00 00")]
    [InlineData("01 02 00 00 02 65 73 00 00 00 00 00 00")]
    [InlineData("01 02 00 00 02 65 73 00 00 00 00 00 00 00 00")]
    [InlineData("01 02 00 00 63 65 73")]
    [InlineData("01 02 00 00 02 65 73 00 80 80 80 80 80 80 80 80 80 80 80")]
    [InlineData("01 02 00 00 02 65 73 00 00 00 00 FF FF FF FF 0F")]
    [InlineData("01 02 00 00 02 65 73 00 00 00 00 00 00 FF FF FF FF 0F")]
    [InlineData("01 02 00 00 02 65 73 00 00 00 00 00 00 FF FF FF FF 07")]
    public void Deserialize_Garbage_ThrowsFormatException(string hex) =>
        Assert.Throws<FormatException>(() => StateSerializer.Deserialize(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));

    [Fact]
    public void Serialize_LongestPointWithShortTexts_FitsIn512Bytes()
    {
        var chat = new Chat().Start("sec_mujeres_oaxaca").User("1").Reach("q3")
            .User("1,2,3,4,5,6,7,8").User("Perifoneo y carteles en el mercado")
            .Reach("q8").User("otro").User("Personas migrantes en tránsito")
            .User("Falta de agua potable en Etla").User("Calles sin pavimentar y baches")
            .User("Basura acumulada en el río").User("Jornadas de limpieza vecinales")
            .User("22 1 2 3 4").User("Agua y saneamiento del barrio")
            .Reach("summary");

        var size = StateSerializer.Serialize(chat.State).Length;
        output.WriteLine($"Serialized state at the summary, every text question answered with ~30 characters: {size} bytes.");

        Assert.Equal(Stage.Confirm, chat.State.Stage);
        Assert.Equal(8, chat.ChoicesOf("q3").Length);
        Assert.InRange(size, 1, 512);
    }

    private static ConversationState StateAt(string point) => point switch
    {
        "new" => ConversationState.Initial,
        "consent with promoter" => new Chat().Start("sec_mujeres").State,
        "grid half answered" => new Chat().Reach("q6").User("E B R").State,
        "second text part" => new Chat().Reach("q9").User("Falta de médicos en la clínica").State,
        "ranked two picks" => new Chat().Reach("q11").User("salud, empleo").State,
        "summary" => new Chat().Reach("summary").State,
        "summary in English" => new Chat().Reach("q12").User("english").Reach("summary").State,
        "confirm restart" => new Chat().Reach("q4").Start().State,
        "completed" => new Chat().Complete().State,
        "closed" => new Chat().Reach("q2").User("cancelar").State,
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };
}
