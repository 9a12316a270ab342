using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Languages;
using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>The words of a Spanish conversation, from the shipped packs (surveys/languages/es.json, then the others).</summary>
public class VocabularyTests
{
    private static readonly Vocabulary Spanish = SurveyFixture.Survey.Vocabulary("es");
    private static readonly Vocabulary English = SurveyFixture.Survey.Vocabulary("en");

    [Theory]
    [InlineData("ayuda", Command.Help)]
    [InlineData("Ayuda?", Command.Help)]
    [InlineData("/ayuda", Command.Help)]
    [InlineData("help", Command.Help)]
    [InlineData("atrás", Command.Back)]
    [InlineData("Atras", Command.Back)]
    [InlineData("/atras", Command.Back)]
    [InlineData("regresar", Command.Back)]
    [InlineData("back", Command.Back)]
    [InlineData("ESTADO", Command.Status)]
    [InlineData("status", Command.Status)]
    [InlineData("reiniciar", Command.Restart)]
    [InlineData("Empezar de nuevo", Command.Restart)]
    [InlineData("restart", Command.Restart)]
    [InlineData("cancelar", Command.Cancel)]
    [InlineData("cancel", Command.Cancel)]
    [InlineData("borrar", Command.Delete)]
    [InlineData("/borrar", Command.Delete)]
    [InlineData("Borrar mis datos", Command.Delete)]
    [InlineData("delete", Command.Delete)]
    [InlineData("saltar", Command.Skip)]
    [InlineData("skip", Command.Skip)]
    [InlineData("idioma", Command.Language)]
    [InlineData("/idioma", Command.Language)]
    [InlineData("Language", Command.Language)]
    public void CommandOf_CommandWord_IsRecognized(string typed, Command expected) =>
        Assert.Equal(expected, Spanish.CommandOf(TextNormalizer.Normalize(typed), out _));

    [Theory]
    [InlineData("sí")]
    [InlineData("1")]
    [InlineData("atrás de la escuela no hay luz")]
    [InlineData("/start")]
    [InlineData("borrar todo")]
    [InlineData("")]
    public void CommandOf_Answer_IsNoCommand(string typed) =>
        Assert.Equal(Command.None, Spanish.CommandOf(TextNormalizer.Normalize(typed), out _));

    [Theory]
    [InlineData("English", "en")]
    [InlineData("inglés", "en")]
    [InlineData("español", "es")]
    [InlineData("Spanish", "es")]
    [InlineData("castellano", "es")]
    public void CommandOf_LanguageName_SwitchesToThatLanguage(string typed, string expected)
    {
        Assert.Equal(Command.Switch, Spanish.CommandOf(TextNormalizer.Normalize(typed), out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("Sí")]
    [InlineData("si")]
    [InlineData("SI")]
    [InlineData("s")]
    [InlineData("1")]
    [InlineData("claro")]
    [InlineData("Sí, claro")]
    [InlineData("si acepto")]
    [InlineData("Sí, acepto")]
    [InlineData("simón")]
    [InlineData("ok")]
    [InlineData("De acuerdo")]
    [InlineData("Por supuesto!")]
    [InlineData("yes")]
    [InlineData("uno")]
    public void YesNo_Yes_IsTrue(string typed)
    {
        var result = Spanish.YesNo(TextNormalizer.Normalize(typed));

        Assert.True(result.IsOk);
        Assert.True(result.Value);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("n")]
    [InlineData("2")]
    [InlineData("nel")]
    [InlineData("nop")]
    [InlineData("No acepto")]
    [InlineData("no, gracias")]
    [InlineData("nope")]
    [InlineData("nunca he escuchado de eso")]
    public void YesNo_No_IsFalse(string typed)
    {
        var result = Spanish.YesNo(TextNormalizer.Normalize(typed));

        Assert.True(result.IsOk);
        Assert.False(result.Value);
    }

    [Theory]
    [InlineData("", Rejection.Empty)]
    [InlineData("   ", Rejection.Empty)]
    [InlineData("tal vez", Rejection.NotUnderstood)]
    [InlineData("3", Rejection.NotUnderstood)]
    [InlineData("sino", Rejection.NotUnderstood)]
    [InlineData("👍", Rejection.NotUnderstood)]
    [InlineData("hola", Rejection.NotUnderstood)]
    public void YesNo_NeitherYesNorNo_IsRejected(string typed, Rejection expected) =>
        Assert.Equal(expected, Spanish.YesNo(TextNormalizer.Normalize(typed)).Rejection);

    [Theory]
    [InlineData("3", 3)]
    [InlineData("la 3", 3)]
    [InlineData("No. 3", 3)]
    [InlineData("#7", 7)]
    [InlineData("tres", 3)]
    [InlineData("la tercera", 3)]
    [InlineData("el primero", 1)]
    [InlineData("opción cinco", 5)]
    [InlineData("veintidós", 22)]
    [InlineData("third", 3)]
    public void TryNumber_DigitsOrWords_GiveTheNumber(string typed, int expected)
    {
        Assert.True(Spanish.TryNumber(TextNormalizer.Normalize(typed), out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("lavado")]
    [InlineData("nose")]
    [InlineData("tresillo")]
    [InlineData("")]
    public void TryNumber_WordThatStartsLikeANumber_IsNoNumber(string typed) =>
        Assert.False(Spanish.TryNumber(TextNormalizer.Normalize(typed), out _));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("sí", true)]
    [InlineData("one", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    public void YesNo_EnglishConversation_UnderstandsEnglishAndSpanish(string typed, bool expected) =>
        Assert.Equal(ParseResult<bool>.Ok(expected), English.YesNo(TextNormalizer.Normalize(typed)));

    [Theory]
    [InlineData("es", Command.Back, "atras")]
    [InlineData("en", Command.Back, "back")]
    [InlineData("es", Command.Skip, "saltar")]
    [InlineData("en", Command.Skip, "skip")]
    public void WordOf_Command_IsTheConversationLanguagesFirstWord(string language, Command command, string expected)
    {
        var vocabulary = language == "es" ? Spanish : English;
        Assert.Equal(expected, vocabulary.WordOf(command));
        Assert.Equal(command, vocabulary.CommandOf(expected, out _));
    }

    [Theory]
    [InlineData("llamar", true)]
    [InlineData("Llámame", true)]
    [InlineData("call me", true)]
    [InlineData("llama", false)]
    [InlineData("1", false)]
    public void IsWord_Call_AsksForAPhoneCall(string typed, bool expected) =>
        Assert.Equal(expected, Spanish.IsWord("call", TextNormalizer.Normalize(typed)));
}
