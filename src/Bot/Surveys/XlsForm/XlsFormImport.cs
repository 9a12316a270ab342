using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatSurvey.Domain.Languages;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>
/// An XLSForm (survey, choices and settings sheets) read into a survey file. What this engine can ask is mapped:
/// select_one (a yes/no when its choices are exactly si and no), select_multiple (with or_other), text, rank (with a
/// pick column), a begin_group with appearance table-list of select_one rows (a grid) or of text rows (a text in parts),
/// relevant as selected(${q}, 'option'), required, and constraint string-length(.) &lt;= N. An acknowledge before the
/// questions is the privacy notice; a note after them, the thanks. Everything else is refused, or skipped with a warning
/// when it only dresses a screen (hints, media), each naming its sheet, row and column.
/// </summary>
public sealed partial class XlsFormImport
{
    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal)
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit", "start-geopoint",
    };

    private readonly List<XlsFormFault> _faults = [];

    /// <summary>Where each part of the survey file came from, by JSON path, to name faults the survey loader finds.</summary>
    private readonly Dictionary<string, (string Sheet, int Row)> _origins = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _languages = [];
    private string _defaultLanguage = "";
    private Sheet _survey = new("survey", []);
    private Sheet _choices = new("choices", []);

    private XlsFormImport()
    {
    }

    /// <summary>The survey, or null when a fault stops it; warnings come with either.</summary>
    public sealed record Result(SurveyDefinition? Survey, IReadOnlyList<XlsFormFault> Faults, IReadOnlyDictionary<string, string> LanguageNames);

    public static Result Read(IReadOnlyList<Sheet> sheets, string source)
    {
        var import = new XlsFormImport();
        var json = import.Build(sheets);
        SurveyDefinition? survey = null;
        if (json is not null && import._faults.All(f => f.IsWarning))
        {
            try
            {
                survey = SurveyLoader.Parse(json.ToJsonString(), source);
            }
            catch (SurveyDefinitionException e)
            {
                import._faults.Add(import.Locate(e));
            }
        }

        return new Result(survey, import._faults, import._names);
    }

    private JsonObject? Build(IReadOnlyList<Sheet> sheets)
    {
        var survey = sheets.FirstOrDefault(s => s.Name.Trim() == "survey");
        if (survey is null)
        {
            Fault("survey", 0, "", "no sheet named survey");
            return null;
        }

        _survey = survey;
        _choices = sheets.FirstOrDefault(s => s.Name.Trim() == "choices") ?? new Sheet("choices", []);
        var settings = sheets.FirstOrDefault(s => s.Name.Trim() == "settings") ?? new Sheet("settings", []);
        var setting = settings.Rows.FirstOrDefault(r => !r.IsBlank) ?? new SheetRow(2, []);
        ReadLanguages(setting);
        CheckColumns(_survey, XlsFormColumns.Survey);
        CheckColumns(_choices, new HashSet<string>(StringComparer.Ordinal) { "list_name", "list name", "name", "label", "aliases" });

        var root = new JsonObject
        {
            ["id"] = setting["form_id"],
            ["version"] = setting["version"],
            ["defaultLanguage"] = _defaultLanguage,
            ["languages"] = new JsonArray([.. _languages.Select(l => (JsonNode)l)]),
            ["title"] = Texts(settings, setting, "form_title"),
        };
        foreach (var (path, column) in new[] { ("$.id", "form_id"), ("$.version", "version"), ("$.title", "form_title"), ("$.contactConsent", "contact_consent"), ("$.languages", "default_language"), ("$.defaultLanguage", "default_language") })
        {
            _origins[path] = ("settings", setting.Number);
        }

        if (setting["contact_consent"] is { Length: > 0 } contact)
        {
            root["contactConsent"] = contact;
        }

        var questions = new JsonArray();
        ReadSurveyRows(root, questions);
        MarkOtherOptions(questions);
        Number(questions);
        root["questions"] = questions;
        return root;
    }

    private void ReadLanguages(SheetRow setting)
    {
        var columns = _survey.Columns.Concat(_choices.Columns).Where(c => XlsFormColumns.Base(c) == "label");
        var declared = setting["default_language"];
        _defaultLanguage = declared.Length == 0 ? "" : XlsFormColumns.Language("x::" + declared)!.Value.Code;
        if (_defaultLanguage.Length > 0 && XlsFormColumns.Language("x::" + declared)!.Value.Name is { Length: > 0 } name)
        {
            _names[_defaultLanguage] = name;
        }

        foreach (var column in columns)
        {
            if (XlsFormColumns.Language(column) is not { } language)
            {
                if (_defaultLanguage.Length == 0)
                {
                    _defaultLanguage = "es";
                    Warn(_survey.Name, 1, column, "a label without a language is taken as Spanish (es); say which language it is in settings' default_language");
                }

                Add(_defaultLanguage);
                continue;
            }

            if (!LanguageCode.IsValid(language.Code))
            {
                Fault(_survey.Columns.Contains(column) ? _survey.Name : _choices.Name, 1, column, $"write the language with its code, as in label::Español (es) or label::{language.Code} (xx)");
                continue;
            }

            _names.TryAdd(language.Code, language.Name.Length > 0 ? language.Name : language.Code);
            Add(language.Code);
        }

        if (_defaultLanguage.Length == 0)
        {
            _defaultLanguage = _languages.FirstOrDefault() ?? "es";
        }

        Add(_defaultLanguage);

        void Add(string code)
        {
            if (!_languages.Contains(code))
            {
                _languages.Add(code);
            }
        }
    }

    /// <summary>Columns this engine does not read: a warning when they only present, a fault when a row uses them.</summary>
    private void CheckColumns(Sheet sheet, IReadOnlySet<string> known)
    {
        foreach (var column in sheet.Columns.Where(c => c.Length > 0 && !known.Contains(XlsFormColumns.Base(c))))
        {
            var used = sheet.Rows.FirstOrDefault(r => r[column].Trim().Length > 0);
            if (used is null)
            {
                continue;
            }

            if (XlsFormColumns.IsPresentation(column) || sheet == _choices)
            {
                Warn(sheet.Name, used.Number, column, "not used in a chat; skipped");
            }
            else
            {
                Fault(sheet.Name, used.Number, column, $"'{XlsFormColumns.Base(column)}' is not supported (the survey sheet's columns a chat can follow: {string.Join(", ", XlsFormColumns.Survey)})");
            }
        }
    }

    private void ReadSurveyRows(JsonObject root, JsonArray questions)
    {
        var rows = _survey.Rows.Where(r => !r.IsBlank && !Metadata.Contains(TypeOf(r)[0])).ToList();
        foreach (var row in _survey.Rows.Where(r => !r.IsBlank && Metadata.Contains(TypeOf(r)[0])))
        {
            Warn(_survey.Name, row.Number, "type", $"'{row["type"]}' records something about a device; a chat has none, so it is skipped");
        }

        Group? group = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var type = TypeOf(row);
            switch (type[0])
            {
                case "acknowledge" when questions.Count == 0 && group is null && !root.ContainsKey("privacy"):
                    root["privacy"] = Texts(_survey, row, "label");
                    _origins["$.privacy"] = (_survey.Name, row.Number);
                    break;
                case "note" when i == rows.Count - 1 && group is null:
                    root["thanks"] = Texts(_survey, row, "label");
                    _origins["$.thanks"] = (_survey.Name, row.Number);
                    break;
                case "begin_group" or "begin":
                    if (group is not null)
                    {
                        Fault(_survey.Name, row.Number, "type", "a group inside a group is not supported");
                    }

                    group = new Group(row, []);
                    break;
                case "end_group" or "end":
                    if (group is null)
                    {
                        Fault(_survey.Name, row.Number, "type", "end_group without a begin_group");
                        break;
                    }

                    if (GroupQuestion(group, questions.Count) is { } grouped)
                    {
                        questions.Add(grouped);
                    }

                    group = null;
                    break;
                case "select_one" or "select_multiple" or "rank" or "text":
                    if (group is not null)
                    {
                        group.Children.Add(row);
                    }
                    else if (Question(row, type, questions.Count) is { } question)
                    {
                        questions.Add(question);
                        if (_pendingOther is not null)
                        {
                            questions.Add(_pendingOther);
                            _pendingOther = null;
                        }
                    }

                    break;
                case "note" or "acknowledge":
                    Fault(_survey.Name, row.Number, "type", $"a {type[0]} can only be the privacy notice (an acknowledge before the questions) or the thanks (a note as the last row)");
                    break;
                default:
                    Fault(_survey.Name, row.Number, "type", $"'{row["type"]}' is not supported (supported: select_one, select_multiple [or_other], text, rank, begin_group/end_group for grids and texts in parts, acknowledge for the privacy notice, note for the thanks)");
                    break;
            }
        }

        if (group is not null)
        {
            Fault(_survey.Name, group.Row.Number, "type", "begin_group without an end_group");
        }
    }

    private sealed record Group(SheetRow Row, List<SheetRow> Children);

    private JsonObject? Question(SheetRow row, string[] type, int index)
    {
        var path = $"$.questions[{index}]";
        _origins[path] = (_survey.Name, row.Number);
        var question = Common(row, row["name"]);
        var list = type.Length > 1 ? type[1] : "";
        if (type[0] != "text" && list.Length == 0)
        {
            Fault(_survey.Name, row.Number, "type", $"{type[0]} needs the name of its choice list");
            return null;
        }

        var options = type[0] == "text" ? null : Options(list, row, path);
        var yesNo = type[0] == "select_one" && options is [{ } si, { } no] && (string?)si["code"] == "si" && (string?)no["code"] == "no";
        question["kind"] = type[0] switch
        {
            "text" => "text",
            "rank" => "ranked",
            "select_multiple" => "multipleChoice",
            _ => yesNo ? "yesNo" : "singleChoice",
        };
        if (options is not null && !yesNo)
        {
            if (type.Length > 2 && type[2] == "or_other")
            {
                // As pyxform does: an option "other" and a text question "<name>_other" (in pyxform's English words).
                options.Add(new JsonObject { ["code"] = "other", ["text"] = new JsonObject { [_defaultLanguage] = "Other" } });
                Warn(_survey.Name, row.Number, "type", $"or_other adds an option 'other' (\"Other\") and a question '{row["name"]}_other' (\"Specify other.\") as pyxform does; to word them, write the choice and a text question with relevant instead");
            }

            question["options"] = options;
        }

        if (type[0] == "rank")
        {
            if (int.TryParse(row["pick"], out var pick))
            {
                question["pick"] = pick;
            }
            else
            {
                Fault(_survey.Name, row.Number, "pick", "a rank question needs pick: how many of its choices to put in order");
            }
        }

        MaxLength(question, row, type[0] == "text");
        if (type.Length > 2 && type[2] == "or_other" && question["kind"]!.GetValue<string>() != "yesNo")
        {
            _pendingOther = new JsonObject { ["code"] = $"{row["name"]}_other", ["kind"] = "text", ["text"] = new JsonObject { [_defaultLanguage] = "Specify other." }, ["when"] = new JsonObject { ["question"] = row["name"], ["option"] = "other" } };
        }

        if (row["appearance"].Length > 0)
        {
            Warn(_survey.Name, row.Number, "appearance", "how a question looks on a screen does not apply in a chat; skipped");
        }

        return question;
    }

    /// <summary>The "specify other" question an or_other asks for, added right after its question.</summary>
    private JsonObject? _pendingOther;

    /// <summary>A group: a grid (table-list of select_one rows of one list) or a text in parts (text rows).</summary>
    private JsonObject? GroupQuestion(Group group, int index)
    {
        var path = $"$.questions[{index}]";
        _origins[path] = (_survey.Name, group.Row.Number);
        var name = group.Row["name"];
        var question = Common(group.Row, name);
        if (group.Children.Any(Required))
        {
            question.Remove("optional");
        }
        else
        {
            question["optional"] = true;
        }

        var types = group.Children.Select(TypeOf).ToList();
        var prefix = name + "_";
        string Code(SheetRow child) => child["name"].StartsWith(prefix, StringComparison.Ordinal) ? child["name"][prefix.Length..] : child["name"];
        if (types.Count > 0 && types.All(t => t[0] == "text"))
        {
            question["kind"] = "text";
            question["parts"] = new JsonArray([.. group.Children.Select((c, p) =>
            {
                _origins[$"{path}.parts[{p}]"] = (_survey.Name, c.Number);
                return (JsonNode)new JsonObject { ["code"] = Code(c), ["text"] = Texts(_survey, c, "label") };
            })]);
            var limits = group.Children.Select(c => c["constraint"]).Distinct().ToList();
            if (limits.Count > 1)
            {
                Fault(_survey.Name, group.Children[0].Number, "constraint", "the parts of one text must share one constraint");
            }

            MaxLength(question, group.Children[0], isText: true);
            return question;
        }

        var lists = types.Select(t => t.Length > 1 ? t[1] : "").Distinct().ToList();
        if (types.Count > 0 && types.All(t => t[0] == "select_one") && lists.Count == 1 && group.Row["appearance"].Contains("table-list", StringComparison.Ordinal))
        {
            question["kind"] = "grid";
            question["options"] = Options(lists[0], group.Row, path);
            question["rows"] = new JsonArray([.. group.Children.Select((c, r) =>
            {
                _origins[$"{path}.rows[{r}]"] = (_survey.Name, c.Number);
                return (JsonNode)new JsonObject { ["code"] = Code(c), ["text"] = Texts(_survey, c, "label") };
            })]);
            return question;
        }

        Fault(_survey.Name, group.Row.Number, "type", "a group is either a grid (appearance table-list, select_one rows of one choice list) or a text in parts (text rows); this one is neither");
        return null;
    }

    /// <summary>What every question has: code, text, optional, when.</summary>
    private JsonObject Common(SheetRow row, string name)
    {
        var question = new JsonObject { ["code"] = name, ["number"] = 0, ["kind"] = "", ["text"] = Texts(_survey, row, "label") };
        if (!Required(row))
        {
            question["optional"] = true;
        }

        var relevant = row["relevant"].Trim();
        if (relevant.Length > 0)
        {
            var match = Selected().Match(relevant);
            match = match.Success ? match : EqualsOption().Match(relevant);
            if (match.Success)
            {
                question["when"] = new JsonObject { ["question"] = match.Groups["q"].Value, ["option"] = match.Groups["o"].Value };
            }
            else
            {
                Fault(_survey.Name, row.Number, "relevant", "only selected(${question}, 'option') or ${question} = 'option' is supported");
            }
        }

        return question;
    }

    private void MaxLength(JsonObject question, SheetRow row, bool isText)
    {
        var constraint = row["constraint"].Trim();
        if (constraint.Length == 0)
        {
            return;
        }

        var match = Length().Match(constraint);
        if (isText && match.Success)
        {
            question["maxLength"] = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Fault(_survey.Name, row.Number, "constraint", "only string-length(.) <= N on a text is supported");
        }
    }

    private JsonArray Options(string list, SheetRow row, string path)
    {
        var listColumn = _choices.Columns.Contains("list_name") ? "list_name" : "list name";
        var rows = _choices.Rows.Where(r => r[listColumn].Trim() == list).ToList();
        if (rows.Count == 0)
        {
            Fault(_survey.Name, row.Number, "type", $"no choices with list_name '{list}' in the choices sheet");
        }

        return new JsonArray([.. rows.Select((choice, o) =>
        {
            _origins[$"{path}.options[{o}]"] = (_choices.Name, choice.Number);
            var option = new JsonObject { ["code"] = choice["name"], ["text"] = Texts(_choices, choice, "label") };
            if (Aliases(choice) is { } aliases)
            {
                option["aliases"] = aliases;
            }

            return (JsonNode)option;
        })]);
    }

    /// <summary>"aliases" (any language) or "aliases::Español (es)" columns, words separated by ";".</summary>
    private JsonNode? Aliases(SheetRow choice)
    {
        static JsonArray Words(string cell) => new([.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => (JsonNode)w)]);
        var any = choice["aliases"];
        var byLanguage = _choices.Columns.Where(c => XlsFormColumns.Base(c) == "aliases" && XlsFormColumns.Language(c) is not null && choice[c].Length > 0).ToList();
        if (any.Length > 0 && byLanguage.Count > 0)
        {
            Fault(_choices.Name, choice.Number, "aliases", "use either the aliases column or aliases per language, not both");
        }

        return any.Length > 0 ? Words(any)
            : byLanguage.Count > 0 ? new JsonObject(byLanguage.Select(c => KeyValuePair.Create(XlsFormColumns.Language(c)!.Value.Code, (JsonNode?)Words(choice[c]))))
            : null;
    }

    /// <summary>A text in every language it has a label for: "label" is the default language, "label::Name (code)" the others.</summary>
    private JsonObject Texts(Sheet sheet, SheetRow row, string column)
    {
        var texts = new JsonObject();
        foreach (var header in sheet.Columns.Where(c => XlsFormColumns.Base(c) == column && row[c].Trim().Length > 0))
        {
            var code = XlsFormColumns.Language(header)?.Code ?? _defaultLanguage;
            if (_languages.Contains(code))
            {
                texts[code] = row[header].Trim();
            }
        }

        return texts;
    }

    /// <summary>Follow-ups and "other": a text follow-up on an option makes that option an "Otro ¿Cuál?".</summary>
    private static void MarkOtherOptions(JsonArray questions)
    {
        foreach (var followUp in questions.OfType<JsonObject>().Where(q => (string?)q["kind"] == "text" && q["when"] is not null))
        {
            var target = questions.OfType<JsonObject>().FirstOrDefault(q => (string?)q["code"] == (string?)followUp["when"]!["question"]);
            var option = target?["options"]?.AsArray().OfType<JsonObject>().FirstOrDefault(o => (string?)o["code"] == (string?)followUp["when"]!["option"]);
            if (option is not null && (string?)target!["kind"] != "grid")
            {
                option["other"] = true;
            }
        }
    }

    private static void Number(JsonArray questions)
    {
        var list = questions.OfType<JsonObject>().ToList();
        var numbers = XlsFormNumbers.Derive([.. list.Select(q => ((string?)q["code"] ?? "", (string?)q["when"]?["question"]))]);
        for (var i = 0; i < list.Count; i++)
        {
            list[i]["number"] = numbers[i];
        }
    }

    /// <summary>A survey loader fault, moved from its JSON path to the sheet and row it came from.</summary>
    private XlsFormFault Locate(SurveyDefinitionException e)
    {
        var path = e.Path;
        while (path.Length > 0 && !_origins.ContainsKey(path))
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : "";
        }

        var (sheet, row) = _origins.TryGetValue(path, out var origin) ? origin : (_survey.Name, 0);
        var rest = e.Path[path.Length..].TrimStart('.').Split('.', '[')[0];
        var column = (rest.Length > 0 ? rest : e.Path.Split('.')[^1].Split('[')[0]) switch
        {
            "text" => "label",
            "code" or "number" => "name",
            "kind" or "options" or "rows" or "parts" => "type",
            "when" or "question" or "option" => "relevant",
            "maxLength" => "constraint",
            "optional" => "required",
            "id" => "form_id",
            "title" => "form_title",
            "contactConsent" => "contact_consent",
            "languages" or "defaultLanguage" => "default_language",
            "privacy" or "thanks" => "label",
            var other => other,
        };
        return new XlsFormFault(sheet, row, column, e.Fault);
    }

    private static bool Required(SheetRow row) => row["required"].Trim().ToLowerInvariant() is "yes" or "true" or "true()" or "1";

    private static string[] TypeOf(SheetRow row)
    {
        var type = row["type"].Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return type.Length == 0 ? [""] : [type[0] switch { "begin" when type.Length > 1 && type[1] == "group" => "begin_group", "end" when type.Length > 1 && type[1] == "group" => "end_group", var t => t }, .. type[0] is "begin" or "end" ? type[2..] : type[1..]];
    }

    private void Fault(string sheet, int row, string column, string message) => _faults.Add(new XlsFormFault(sheet, row, column, message));

    private void Warn(string sheet, int row, string column, string message) => _faults.Add(new XlsFormFault(sheet, row, column, message, IsWarning: true));

    [GeneratedRegex(@"^selected\(\s*\$\{(?<q>\w+)\}\s*,\s*['""](?<o>\w+)['""]\s*\)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Selected();

    [GeneratedRegex(@"^\$\{(?<q>\w+)\}\s*=\s*['""](?<o>\w+)['""]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EqualsOption();

    [GeneratedRegex(@"^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Length();
}
