using System.Text.Json;

namespace ChatSurvey.Domain.Surveys;

/// <summary>Reads JSON elements of a survey file, failing with the file name and JSON path of the fault.</summary>
internal sealed class SurveyReader(string source, string defaultLanguage, IReadOnlyCollection<string> languages)
{
    public string DefaultLanguage { get; } = defaultLanguage;

    public SurveyDefinitionException Fail(string path, string fault) => new(source, path, fault);

    /// <summary>A survey or language pack file's JSON (comments allowed); invalid JSON names its line.</summary>
    public static JsonDocument ParseDocument(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SurveyDefinitionException(source, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}");
        }
    }

    public void OnlyProperties(JsonElement obj, string path, params string[] allowed)
    {
        Expect(obj, JsonValueKind.Object, path);
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Fail($"{path}.{property.Name}", $"unknown property (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public string String(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw Fail($"{path}.{name}", "is required");
        }

        Expect(value, JsonValueKind.String, $"{path}.{name}");
        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw Fail($"{path}.{name}", "must not be empty") : text;
    }

    public string Code(JsonElement obj, string path)
    {
        var code = String(obj, "code", path);
        foreach (var c in code)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw Fail($"{path}.code", $"'{code}' may hold only ASCII letters, digits and '_'");
            }
        }

        return code;
    }

    public int Int(JsonElement obj, string name, string path, int fallback, int min, int max)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Fail($"{path}.{name}", "must be a whole number");
        }

        return number < min || number > max
            ? throw Fail($"{path}.{name}", $"{number} is outside {min}..{max}")
            : number;
    }

    public bool Bool(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"{path}.{name}", "must be true or false"),
        };
    }

    public IReadOnlyList<JsonElement> Array(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return required ? throw Fail($"{path}.{name}", "is required") : [];
        }

        Expect(value, JsonValueKind.Array, $"{path}.{name}");
        return [.. value.EnumerateArray()];
    }

    public IReadOnlyList<string> Strings(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var value) ? StringItems(value, $"{path}.{name}") : [];

    /// <summary>An array of strings that is itself the value at <paramref name="path"/>.</summary>
    public IReadOnlyList<string> StringItems(JsonElement array, string path)
    {
        Expect(array, JsonValueKind.Array, path);
        var result = new List<string>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            Expect(item, JsonValueKind.String, $"{path}[{i++}]");
            result.Add(item.GetString()!);
        }

        return result;
    }

    /// <summary>
    /// An option's aliases: an array (words of any language) or an object of arrays keyed by language; see
    /// <see cref="SurveyOption.Aliases"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases(JsonElement obj, string path)
    {
        var at = $"{path}.aliases";
        if (!obj.TryGetProperty("aliases", out var value))
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, IReadOnlyList<string>> { [SurveyOption.AnyLanguage] = StringItems(value, at) };
        }

        var byLanguage = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var entry in value.EnumerateObject())
        {
            if (!languages.Contains(entry.Name))
            {
                throw Fail($"{at}.{entry.Name}", $"language '{entry.Name}' is not listed in $.languages");
            }

            byLanguage[entry.Name] = StringItems(entry.Value, $"{at}.{entry.Name}");
        }

        return byLanguage;
    }

    /// <summary>A text is either a plain string (default language) or an object keyed by language.</summary>
    public LocalizedText Text(JsonElement obj, string name, string path)
    {
        var at = $"{path}.{name}";
        if (!obj.TryGetProperty(name, out var value))
        {
            throw Fail(at, "is required");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return LocalizedText.Of(NotEmpty(value.GetString(), at));
        }

        Expect(value, JsonValueKind.Object, at);
        var byLanguage = new Dictionary<string, string>();
        foreach (var entry in value.EnumerateObject())
        {
            if (!languages.Contains(entry.Name))
            {
                throw Fail($"{at}.{entry.Name}", $"language '{entry.Name}' is not listed in $.languages");
            }

            Expect(entry.Value, JsonValueKind.String, $"{at}.{entry.Name}");
            byLanguage[entry.Name] = NotEmpty(entry.Value.GetString(), $"{at}.{entry.Name}");
        }

        return byLanguage.TryGetValue(DefaultLanguage, out var defaultText)
            ? new LocalizedText(defaultText, byLanguage)
            : throw Fail(at, $"has no text in the default language '{DefaultLanguage}'");
    }

    private string NotEmpty(string? text, string path) =>
        string.IsNullOrWhiteSpace(text) ? throw Fail(path, "must not be empty") : text;

    private void Expect(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            throw Fail(path, $"must be {(kind == JsonValueKind.Object ? "an object" : "a " + kind.ToString().ToLowerInvariant())}, not {value.ValueKind.ToString().ToLowerInvariant()}");
        }
    }
}
