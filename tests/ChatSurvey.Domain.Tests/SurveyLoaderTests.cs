using ChatSurvey.Domain.Surveys;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class SurveyLoaderTests
{
    private static SurveyDefinition Survey => SurveyFixture.Definition;

    [Fact]
    public void Parse_RealFile_HasTwelveNumberedQuestions()
    {
        Assert.Equal(12, Survey.QuestionCount);
        Assert.Equal(Enumerable.Range(1, 12), Survey.Questions.Where(q => q.When is null).Select(q => q.Number));
        Assert.Equal(("ogaipo-gobierno-abierto", "2022.1", "es"), (Survey.Id, Survey.Version, Survey.DefaultLanguage));
        Assert.Equal(["es", "en"], Survey.Languages);
    }

    [Theory]
    [InlineData("q1", QuestionKind.YesNo, 0, 0)]
    [InlineData("q3", QuestionKind.MultipleChoice, 8, 0)]
    [InlineData("q4", QuestionKind.SingleChoice, 5, 0)]
    [InlineData("q5", QuestionKind.Grid, 5, 5)]
    [InlineData("q6", QuestionKind.Grid, 5, 6)]
    [InlineData("q7", QuestionKind.Grid, 5, 6)]
    [InlineData("q8", QuestionKind.SingleChoice, 7, 0)]
    [InlineData("q11", QuestionKind.Ranked, 22, 0)]
    [InlineData("q12", QuestionKind.YesNo, 0, 0)]
    public void Parse_RealFile_QuestionShapesMatchTheForm(string code, QuestionKind kind, int options, int rows)
    {
        var q = SurveyFixture.Question(code);

        Assert.Equal((kind, options, rows), (q.Kind, q.Options.Count, q.Rows.Count));
    }

    [Fact]
    public void Parse_RealFile_RankedPicksFiveAndQ10IsOptional()
    {
        Assert.Equal(5, SurveyFixture.Question("q11").Pick);
        Assert.True(SurveyFixture.Question("q10").Optional);
        Assert.Equal(["problema_1", "problema_2"], SurveyFixture.Question("q9").Parts.Select(p => p.Code));
        Assert.All(Survey.Questions.Where(q => q.Code != "q10"), q => Assert.False(q.Optional));
    }

    [Fact]
    public void Parse_RealFile_EveryOtherOptionHasFollowUp()
    {
        var others = Survey.Questions.SelectMany(q => q.Options.Where(o => o.IsOther).Select(o => new FollowUpCondition(q.Code, o.Code))).ToList();

        Assert.Equal(3, others.Count);
        Assert.All(others, other => Assert.Contains(Survey.Questions, q => q.When == other));
    }

    [Fact]
    public void Parse_RealFile_EveryTextHasEnglish()
    {
        Assert.All(Survey.Questions, q => Assert.Contains("en", q.Text.Languages));
        Assert.Equal("Mujeres", SurveyFixture.Question("q8").Options[1].Text.Get("es"));
        Assert.Equal("Women", SurveyFixture.Question("q8").Options[1].Text.Get("en"));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Parse_BrokenFile_NamesFilePathAndFault(string json, string path, string fault)
    {
        var e = Assert.Throws<SurveyDefinitionException>(() => SurveyLoader.Parse(json, "broken-survey.json"));

        Assert.Equal(path, e.Path);
        Assert.Contains(fault, e.Fault, StringComparison.Ordinal);
        Assert.Equal("broken-survey.json", e.Source);
        Assert.StartsWith("broken-survey.json: ", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Small survey files, each with one fault; the rest of each file is valid.</summary>
    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        {
            """{ "id": "t", "version": "1", "questions": [ """, "line 1", "not valid JSON"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "scale", "text": "¿Qué tal?" } ] }
            """,
            "$.questions[0].kind", "unknown kind 'scale'"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "yesNo", "text": "¿Sí?" },
              { "code": "q1", "number": 2, "kind": "yesNo", "text": "¿Otra vez?" } ] }
            """,
            "$.questions", "duplicate question code 'q1'"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "singleChoice", "text": "¿Cuál?",
              "options": [ { "code": "a", "text": "A" }, { "code": "a", "text": "B" } ] } ] }
            """,
            "$.questions[0].options", "duplicate option code 'a'"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "yesNo", "text": "¿Sí?" },
              { "code": "q1_x", "number": 1, "kind": "text", "text": "¿Por qué?", "when": { "question": "q9", "option": "si" } } ] }
            """,
            "$.questions[1].when.question", "'q9' is not a question before this one"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "text", "text": "¿Por qué?", "when": { "question": "q2", "option": "si" } },
              { "code": "q2", "number": 2, "kind": "yesNo", "text": "¿Sí?" } ] }
            """,
            "$.questions[0].when.question", "'q2' is not a question before this one"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "yesNo", "text": "¿Sí?" },
              { "code": "q1_x", "number": 1, "kind": "text", "text": "¿Por qué?", "when": { "question": "q1", "option": "quizas" } } ] }
            """,
            "$.questions[1].when.option", "'quizas' is not an option of 'q1'"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "singleChoice", "text": "¿Cuál?", "options": [] } ] }
            """,
            "$.questions[0].options", "needs at least one option"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "ranked", "text": "Ordena", "pick": 3,
              "options": [ { "code": "a", "text": "A" }, { "code": "b", "text": "B" } ] } ] }
            """,
            "$.questions[0].pick", "asks to rank 3 but there are only 2 options"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "yesNo", "text": "¿Sí?", "requerida": true } ] }
            """,
            "$.questions[0].requerida", "unknown property"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es", "en"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "yesNo", "text": { "en": "Yes?" } } ] }
            """,
            "$.questions[0].text", "has no text in the default language 'es'"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "multipleChoice", "text": "¿Cuáles?",
              "options": [ { "code": "radio", "text": "Radio" }, { "code": "otro", "text": "Otro ¿Cuál?", "other": true } ] } ] }
            """,
            "$.questions[0].options[1].other", "asks for text but no question follows up on it"
        },
        {
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q-1", "number": 1, "kind": "yesNo", "text": "¿Sí?" } ] }
            """,
            "$.questions[0].code", "'q-1' may hold only ASCII letters, digits and '_'"
        },
    };

    [Fact]
    public void Parse_MinimalFile_Loads()
    {
        var survey = SurveyLoader.Parse(
            """
            { "id": "t", "version": "1", "defaultLanguage": "es", "languages": ["es"], "title": "T", "privacy": "P", "thanks": "G",
              "questions": [ { "code": "q1", "number": 1, "kind": "yesNo", "text": "¿Sí?" } ] }
            """,
            "minimal.json");

        Assert.Equal("¿Sí?", Assert.Single(survey.Questions).Text.Default);
    }
}
