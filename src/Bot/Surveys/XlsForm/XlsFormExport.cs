using System.Globalization;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>
/// A survey as an XLSForm that <see cref="XlsFormImport"/> reads back to the same survey: one label column per
/// language ("label::Español (es)"), a choice list per question (yes/no questions share "si_no", labelled with each
/// language's Sí/No), grids and texts in parts as groups, follow-ups as relevant, and two columns pyxform ignores:
/// pick (how many a rank question orders) and aliases.
/// </summary>
public static class XlsFormExport
{
    private const string YesNoList = "si_no";
    private const int DefaultMaxLength = 1000;

    /// <param name="survey">The survey with its language packs: their names head the columns, their Sí/No label yes/no lists.</param>
    public static List<Sheet> Sheets(CompiledSurvey survey)
    {
        var definition = survey.Definition;
        CheckNumbers(definition);
        var languages = definition.Languages;
        string Header(string column, int language) => XlsFormColumns.Header(column, languages[language], survey.Names[language]);
        var labels = languages.Select((_, i) => Header("label", i)).ToList();
        var sheet = new Sheet("survey", ["type", "name", .. labels, "required", "relevant", "appearance", "constraint", "pick"]);
        var choices = new Sheet("choices", ["list_name", "name", .. labels, "aliases", .. languages.Select((_, i) => Header("aliases", i))]);
        var others = Enumerable.Range(0, languages.Count).Where(i => languages[i] != definition.DefaultLanguage).ToList();
        var settings = new Sheet("settings", ["form_id", "version", "form_title", .. others.Select(i => Header("form_title", i)), "default_language", "contact_consent"]);

        void Labels(SheetRow row, LocalizedText text)
        {
            for (var i = 0; i < languages.Count; i++)
            {
                if (languages[i] == definition.DefaultLanguage || text.Languages.Contains(languages[i]))
                {
                    row.Cells[labels[i]] = text.Get(languages[i]);
                }
            }
        }

        SheetRow Row(string type, string name, LocalizedText text, bool required = false, FollowUpCondition? when = null)
        {
            var row = sheet.Add();
            row.Cells["type"] = type;
            row.Cells["name"] = name;
            Labels(row, text);
            if (required)
            {
                row.Cells["required"] = "yes";
            }

            if (when is not null)
            {
                row.Cells["relevant"] = $"selected(${{{when.Question}}}, '{when.Option}')";
            }

            return row;
        }

        void Constraint(SheetRow row, Question q)
        {
            if (q.MaxLength != DefaultMaxLength)
            {
                row.Cells["constraint"] = $"string-length(.) <= {q.MaxLength.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        void List(string name, IEnumerable<SurveyOption> options)
        {
            foreach (var option in options)
            {
                var row = choices.Add();
                row.Cells["list_name"] = name;
                row.Cells["name"] = option.Code;
                Labels(row, option.Text);
                foreach (var (language, words) in option.Aliases.Where(a => a.Value.Count > 0))
                {
                    row.Cells[language == SurveyOption.AnyLanguage ? "aliases" : Header("aliases", languages.ToList().IndexOf(language))] = string.Join("; ", words);
                }
            }
        }

        Row("acknowledge", "privacy", definition.Privacy, required: true);
        foreach (var q in definition.Questions)
        {
            var required = !q.Optional;
            switch (q.Kind)
            {
                case QuestionKind.YesNo:
                    Row($"select_one {YesNoList}", q.Code, q.Text, required, q.When);
                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    Row($"{(q.Kind == QuestionKind.SingleChoice ? "select_one" : "select_multiple")} {q.Code}", q.Code, q.Text, required, q.When);
                    List(q.Code, q.Options);
                    break;
                case QuestionKind.Ranked:
                    Row($"rank {q.Code}", q.Code, q.Text, required, q.When).Cells["pick"] = q.Pick.ToString(CultureInfo.InvariantCulture);
                    List(q.Code, q.Options);
                    break;
                case QuestionKind.Grid:
                    Row("begin_group", q.Code, q.Text, when: q.When).Cells["appearance"] = "table-list";
                    foreach (var gridRow in q.Rows)
                    {
                        Row($"select_one {q.Code}", $"{q.Code}_{gridRow.Code}", gridRow.Text, required);
                    }

                    sheet.Add().Cells["type"] = "end_group";
                    List(q.Code, q.Options);
                    break;
                case QuestionKind.Text when q.Parts.Count > 0:
                    Row("begin_group", q.Code, q.Text, when: q.When).Cells["appearance"] = "field-list";
                    foreach (var part in q.Parts)
                    {
                        Constraint(Row("text", $"{q.Code}_{part.Code}", part.Label, required), q);
                    }

                    sheet.Add().Cells["type"] = "end_group";
                    break;
                default:
                    Constraint(Row("text", q.Code, q.Text, required, q.When), q);
                    break;
            }
        }

        Row("note", "thanks", definition.Thanks);
        if (definition.Questions.Any(q => q.Kind == QuestionKind.YesNo))
        {
            var yes = new LocalizedText(survey.Texts(definition.DefaultLanguage).Yes, languages.ToDictionary(l => l, l => survey.Texts(l).Yes));
            var no = new LocalizedText(survey.Texts(definition.DefaultLanguage).No, languages.ToDictionary(l => l, l => survey.Texts(l).No));
            List(YesNoList, [new(SurveyLoader.YesNoCodes[0], yes, new Dictionary<string, IReadOnlyList<string>>(), false), new(SurveyLoader.YesNoCodes[1], no, new Dictionary<string, IReadOnlyList<string>>(), false)]);
        }

        var setting = settings.Add();
        setting.Cells["form_id"] = definition.Id;
        setting.Cells["version"] = definition.Version;
        setting.Cells["form_title"] = definition.Title.Default;
        foreach (var i in others)
        {
            if (definition.Title.Languages.Contains(languages[i]))
            {
                setting.Cells[Header("form_title", i)] = definition.Title.Get(languages[i]);
            }
        }

        setting.Cells["default_language"] = XlsFormColumns.Header("", definition.DefaultLanguage, survey.Names[languages.ToList().IndexOf(definition.DefaultLanguage)])[2..];
        if (definition.ContactConsent is { } contact)
        {
            setting.Cells["contact_consent"] = contact;
        }

        return [sheet, choices, settings];
    }

    /// <summary>Numbers an XLSForm cannot carry would come back different: refused (see <see cref="XlsFormNumbers"/>).</summary>
    private static void CheckNumbers(SurveyDefinition survey)
    {
        var derived = XlsFormNumbers.Derive([.. survey.Questions.Select(q => (q.Code, q.When?.Question))]);
        for (var i = 0; i < derived.Length; i++)
        {
            if (survey.Questions[i].Number != derived[i])
            {
                throw new InvalidOperationException($"question {survey.Questions[i].Code} is number {survey.Questions[i].Number}; an XLSForm numbers questions 1, 2, 3… (a follow-up right after its question shares its number), so it would come back as {derived[i]}");
            }
        }
    }
}
