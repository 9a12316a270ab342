using ChatSurvey.Bot.Channels.Twilio;

namespace ChatSurvey.Bot.Tests.Twilio;

public sealed class Gsm7Tests
{
    [Theory]
    [InlineData("Televisión", "Television")]
    [InlineData("¿Cómo calificarías?", "¿Como calificarias?")]
    [InlineData("Pésimo, Niños, pingüino", "Pésimo, Niños, pingüino")]
    [InlineData("ÁÍÓÚ áíóú", "AIOU aiou")]
    [InlineData("“Gobierno Abierto” – ‘sí’…", "\"Gobierno Abierto\" - 'si'...")]
    [InlineData("   ↳ Perifoneo", "   > Perifoneo")]
    [InlineData("Gracias 👍🏽", "Gracias ")]
    [InlineData("Ça va", "Ça va")]
    [InlineData("garçon", "garcon")]
    public void Transliterate_KeepsWhatGsm7Has_ReplacesTheRest(string text, string expected)
    {
        var result = Gsm7.Transliterate(text);
        Assert.Equal(expected, result);
        Assert.True(Gsm7.CanEncode(result));
    }
}
