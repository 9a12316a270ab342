using System.Text.Json;

namespace ChatSurvey.Domain.Surveys;

/// <summary>
/// Parses and validates a survey definition. Every fault is a <see cref="SurveyDefinitionException"/> naming
/// the file, the JSON path and what is wrong, so that a broken file stops startup with a useful message.
/// </summary>
public static class SurveyLoader
{
    private static readonly Dictionary<string, QuestionKind> Kinds = new()
    {
        ["yesNo"] = QuestionKind.YesNo,
        ["singleChoice"] = QuestionKind.SingleChoice,
        ["multipleChoice"] = QuestionKind.MultipleChoice,
        ["grid"] = QuestionKind.Grid,
        ["text"] = QuestionKind.Text,
        ["ranked"] = QuestionKind.Ranked,
    };

    /// <summary>A kind as the survey file writes it ("singleChoice").</summary>
    public static string KindName(QuestionKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>The option codes of a yes/no question.</summary>
    public static readonly IReadOnlyList<string> YesNoCodes = ["si", "no"];

    public static SurveyDefinition Parse(string json, string source)
    {
        using (var document = SurveyReader.ParseDocument(json, source))
        {
            return Read(document.RootElement, source);
        }
    }

    private static SurveyDefinition Read(JsonElement root, string source)
    {
        var bootstrap = new SurveyReader(source, "", []);
        bootstrap.OnlyProperties(root, "$", "$schema", "id", "version", "defaultLanguage", "languages", "title", "privacy", "thanks", "contactConsent", "questions");
        var defaultLanguage = bootstrap.String(root, "defaultLanguage", "$");
        var languages = bootstrap.Strings(root, "languages", "$");
        if (!languages.Contains(defaultLanguage))
        {
            throw bootstrap.Fail("$.languages", $"must include the default language '{defaultLanguage}'");
        }

        var reader = new SurveyReader(source, defaultLanguage, languages);
        var questionElements = reader.Array(root, "questions", "$", required: true);
        if (questionElements.Count == 0)
        {
            throw reader.Fail("$.questions", "must hold at least one question");
        }

        var questions = new List<Question>();
        for (var i = 0; i < questionElements.Count; i++)
        {
            questions.Add(ReadQuestion(reader, questionElements[i], $"$.questions[{i}]"));
        }

        CheckCrossReferences(reader, questions);
        string? contactConsent = null;
        if (root.TryGetProperty("contactConsent", out _))
        {
            contactConsent = reader.String(root, "contactConsent", "$");
            if (questions.Find(q => q.Code == contactConsent) is not { Kind: QuestionKind.YesNo })
            {
                throw reader.Fail("$.contactConsent", $"'{contactConsent}' is not a yesNo question of this survey");
            }
        }

        return new SurveyDefinition
        {
            Id = reader.String(root, "id", "$"),
            Version = reader.String(root, "version", "$"),
            DefaultLanguage = defaultLanguage,
            Languages = languages,
            Title = reader.Text(root, "title", "$"),
            Privacy = reader.Text(root, "privacy", "$"),
            Thanks = reader.Text(root, "thanks", "$"),
            Questions = questions,
            ContactConsent = contactConsent,
        };
    }

    private static Question ReadQuestion(SurveyReader reader, JsonElement element, string path)
    {
        reader.OnlyProperties(element, path, "code", "number", "kind", "text", "options", "rows", "parts", "optional", "maxLength", "pick", "when");
        var kindName = reader.String(element, "kind", path);
        if (!Kinds.TryGetValue(kindName, out var kind))
        {
            throw reader.Fail($"{path}.kind", $"unknown kind '{kindName}' (expected one of: {string.Join(", ", Kinds.Keys)})");
        }

        var question = new Question
        {
            Code = reader.Code(element, path),
            Number = reader.Int(element, "number", path, fallback: 0, min: 1, max: 999),
            Kind = kind,
            Text = reader.Text(element, "text", path),
            Options = ReadOptions(reader, element, "options", path),
            Rows = ReadOptions(reader, element, "rows", path),
            Parts = ReadParts(reader, element, path),
            Optional = reader.Bool(element, "optional", path),
            MaxLength = reader.Int(element, "maxLength", path, fallback: 1000, min: 1, max: 4000),
            Pick = reader.Int(element, "pick", path, fallback: 0, min: 1, max: 100),
            When = ReadCondition(reader, element, path),
        };
        if (question.Number == 0)
        {
            throw reader.Fail($"{path}.number", "is required");
        }

        CheckShape(reader, question, path);
        return question;
    }

    private static void CheckShape(SurveyReader reader, Question q, string path)
    {
        var needsOptions = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranked or QuestionKind.Grid;
        if (needsOptions && q.Options.Count == 0)
        {
            throw reader.Fail($"{path}.options", $"a {q.Kind} question needs at least one option");
        }

        if (!needsOptions && q.Options.Count > 0)
        {
            throw reader.Fail($"{path}.options", $"a {q.Kind} question takes no options");
        }

        if ((q.Kind == QuestionKind.Grid) != (q.Rows.Count > 0))
        {
            throw reader.Fail($"{path}.rows", q.Kind == QuestionKind.Grid ? "a grid needs at least one row" : "only a grid has rows");
        }

        if (q.Kind != QuestionKind.Text && q.Parts.Count > 0)
        {
            throw reader.Fail($"{path}.parts", "only a text question has parts");
        }

        if (q.Kind == QuestionKind.Ranked && q.Pick == 0)
        {
            throw reader.Fail($"{path}.pick", "a ranked question needs pick (how many to rank)");
        }

        if (q.Kind != QuestionKind.Ranked && q.Pick != 0)
        {
            throw reader.Fail($"{path}.pick", "only a ranked question has pick");
        }

        if (q.Kind == QuestionKind.Ranked && q.Pick > q.Options.Count)
        {
            throw reader.Fail($"{path}.pick", $"asks to rank {q.Pick} but there are only {q.Options.Count} options");
        }

        CheckUnique(reader, q.Options.Select(o => o.Code), $"{path}.options", "option code");
        CheckUnique(reader, q.Rows.Select(o => o.Code), $"{path}.rows", "row code");
        CheckUnique(reader, q.Parts.Select(p => p.Code), $"{path}.parts", "part code");
        CheckUnique(reader, q.Options.SelectMany(o => o.AllAliases.Select(a => a.ToLowerInvariant())), $"{path}.options", "alias");
    }

    private static void CheckCrossReferences(SurveyReader reader, List<Question> questions)
    {
        CheckUnique(reader, questions.Select(q => q.Code), "$.questions", "question code");
        for (var i = 0; i < questions.Count; i++)
        {
            var path = $"$.questions[{i}]";
            if (i > 0 && questions[i].Number < questions[i - 1].Number)
            {
                throw reader.Fail($"{path}.number", $"{questions[i].Number} comes after {questions[i - 1].Number}: numbers must not go down");
            }

            if (questions[i].When is { } when)
            {
                var target = questions.FindIndex(q => q.Code == when.Question);
                if (target < 0 || target >= i)
                {
                    throw reader.Fail($"{path}.when.question", $"'{when.Question}' is not a question before this one");
                }

                var codes = questions[target].Kind == QuestionKind.YesNo ? YesNoCodes : questions[target].Options.Select(o => o.Code).ToList();
                if (!codes.Contains(when.Option))
                {
                    throw reader.Fail($"{path}.when.option", $"'{when.Option}' is not an option of '{when.Question}'");
                }
            }

            for (var o = 0; o < questions[i].Options.Count; o++)
            {
                var option = questions[i].Options[o];
                if (option.IsOther && !questions.Any(q => q.When == new FollowUpCondition(questions[i].Code, option.Code)))
                {
                    throw reader.Fail($"{path}.options[{o}].other", $"option '{option.Code}' asks for text but no question follows up on it (a question with when: {{question: '{questions[i].Code}', option: '{option.Code}'}})");
                }
            }
        }
    }

    private static List<SurveyOption> ReadOptions(SurveyReader reader, JsonElement element, string name, string path)
    {
        var items = reader.Array(element, name, path, required: false);
        var options = new List<SurveyOption>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}.{name}[{i}]";
            reader.OnlyProperties(items[i], at, "code", "text", "aliases", "other");
            options.Add(new SurveyOption(reader.Code(items[i], at), reader.Text(items[i], "text", at), reader.Aliases(items[i], at), reader.Bool(items[i], "other", at)));
        }

        return options;
    }

    private static List<TextPart> ReadParts(SurveyReader reader, JsonElement element, string path)
    {
        var items = reader.Array(element, "parts", path, required: false);
        var parts = new List<TextPart>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}.parts[{i}]";
            reader.OnlyProperties(items[i], at, "code", "text");
            parts.Add(new TextPart(reader.Code(items[i], at), reader.Text(items[i], "text", at)));
        }

        return parts;
    }

    private static FollowUpCondition? ReadCondition(SurveyReader reader, JsonElement element, string path)
    {
        if (!element.TryGetProperty("when", out var when))
        {
            return null;
        }

        reader.OnlyProperties(when, $"{path}.when", "question", "option");
        return new FollowUpCondition(reader.String(when, "question", $"{path}.when"), reader.String(when, "option", $"{path}.when"));
    }

    private static void CheckUnique(SurveyReader reader, IEnumerable<string> codes, string path, string what)
    {
        var seen = new HashSet<string>();
        foreach (var code in codes)
        {
            if (!seen.Add(code))
            {
                throw reader.Fail(path, $"duplicate {what} '{code}'");
            }
        }
    }
}
