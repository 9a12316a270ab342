using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatSurvey.Domain.Surveys;

/// <summary>
/// A survey definition written back as a survey file, in one canonical form: every text as an object keyed by
/// language, defaults left out (optional false, maxLength 1000, no aliases). Two definitions that mean the same survey
/// write the same JSON, which is what the XLSForm round trip compares, and what an import writes.
/// </summary>
public static class SurveyJson
{
    private const int DefaultMaxLength = 1000;

    public static string Write(SurveyDefinition survey) =>
        ToNode(survey).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    public static JsonObject ToNode(SurveyDefinition survey)
    {
        var root = new JsonObject
        {
            ["$schema"] = "./survey.schema.json",
            ["id"] = survey.Id,
            ["version"] = survey.Version,
            ["defaultLanguage"] = survey.DefaultLanguage,
            ["languages"] = new JsonArray([.. survey.Languages.Select(l => (JsonNode)l)]),
            ["title"] = Text(survey.Title, survey),
            ["privacy"] = Text(survey.Privacy, survey),
            ["thanks"] = Text(survey.Thanks, survey),
        };
        if (survey.ContactConsent is { } contact)
        {
            root["contactConsent"] = contact;
        }

        root["questions"] = new JsonArray([.. survey.Questions.Select(q => (JsonNode)Question(q, survey))]);
        return root;
    }

    private static JsonObject Question(Question q, SurveyDefinition survey)
    {
        var node = new JsonObject { ["code"] = q.Code, ["number"] = q.Number, ["kind"] = SurveyLoader.KindName(q.Kind), ["text"] = Text(q.Text, survey) };
        if (q.Options.Count > 0)
        {
            node["options"] = Options(q.Options, survey);
        }

        if (q.Rows.Count > 0)
        {
            node["rows"] = Options(q.Rows, survey);
        }

        if (q.Parts.Count > 0)
        {
            node["parts"] = new JsonArray([.. q.Parts.Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["text"] = Text(p.Label, survey) })]);
        }

        if (q.Optional)
        {
            node["optional"] = true;
        }

        if (q.MaxLength != DefaultMaxLength)
        {
            node["maxLength"] = q.MaxLength;
        }

        if (q.Pick > 0)
        {
            node["pick"] = q.Pick;
        }

        if (q.When is { } when)
        {
            node["when"] = new JsonObject { ["question"] = when.Question, ["option"] = when.Option };
        }

        return node;
    }

    private static JsonArray Options(IReadOnlyList<SurveyOption> options, SurveyDefinition survey) => new([.. options.Select(o =>
    {
        var node = new JsonObject { ["code"] = o.Code, ["text"] = Text(o.Text, survey) };
        var aliases = o.Aliases.Where(a => a.Value.Count > 0).ToList();
        if (aliases is [{ Key: SurveyOption.AnyLanguage } any])
        {
            node["aliases"] = Words(any.Value);
        }
        else if (aliases.Count > 0)
        {
            node["aliases"] = new JsonObject(survey.Languages.Where(o.Aliases.ContainsKey).Select(l => KeyValuePair.Create(l, (JsonNode?)Words(o.Aliases[l]))));
        }

        if (o.IsOther)
        {
            node["other"] = true;
        }

        return (JsonNode)node;
    })]);

    private static JsonArray Words(IEnumerable<string> words) => new([.. words.Select(w => (JsonNode)w)]);

    /// <summary>A text as an object keyed by language, in the survey's order of languages.</summary>
    private static JsonObject Text(LocalizedText text, SurveyDefinition survey) =>
        new(survey.Languages.Where(l => l == survey.DefaultLanguage || text.Languages.Contains(l)).Select(l => KeyValuePair.Create(l, (JsonNode?)text.Get(l))));
}
