using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// The columns of a response export, from the survey definition: one per yes/no or single-choice question, one per
/// option of a multiple-choice question (1/0), one per grid row, one per rank position ("q11.rank1"), one per text or
/// text part ("q9.problema_1"). Staff exports carry the pseudonym and exact times; the open-data package carries
/// neither (only the local days) and free texts only when staff choose. Cells hold the survey's codes
/// ("q4" = "pesimo"), or, when staff ask for labels, the options' texts ("Pésimo"; "Sí"/"No" for a chosen option).
/// </summary>
public sealed class ExportLayout
{
    private readonly CompiledSurvey _survey;
    private readonly bool _openData;
    private readonly bool _labels;

    private ExportLayout(CompiledSurvey survey, bool openData, bool includeTexts, bool labels = false)
    {
        _survey = survey;
        _openData = openData;
        _labels = labels;
        List<ExportColumn> columns =
        [
            new("id", "string", "Identificador de la respuesta"),
            .. openData ? [] : new ExportColumn[] { new("respondent", "string", "Seudónimo de la persona (HMAC de su canal e identificador)") },
            new("survey_version", "string", "Versión del formulario"),
            new("channel", "string", "Canal: web es el chat abierto (sin cuenta ni número detrás); telegram, whatsapp, sms y voice (llamada telefónica) tienen una cuenta o un número", [("web", "Chat web"), ("telegram", "Telegram"), ("whatsapp", "WhatsApp"), ("sms", "SMS"), ("voice", "Llamada")]),
            new("promoter", "string", "Código del promotor que compartió el enlace (vacío: ninguno)"),
            new("language", "string", "Idioma de la conversación"),
            .. openData
                ? new ExportColumn[] { new("started_on", "date", "Día de inicio (hora de Oaxaca)"), new("completed_on", "date", "Día de envío (hora de Oaxaca)") }
                : [new("started_at", "datetime", "Inicio (UTC)"), new("completed_at", "datetime", "Envío (UTC)")],
        ];
        foreach (var q in survey.Questions)
        {
            columns.AddRange(QuestionColumns(q).Where(c => includeTexts || !c.FreeText));
        }

        Columns = columns;
    }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <param name="labels">Options' texts instead of their codes in the cells.</param>
    public static ExportLayout Staff(CompiledSurvey survey, bool labels = false) => new(survey, openData: false, includeTexts: true, labels);

    public static ExportLayout OpenData(CompiledSurvey survey, bool includeTexts) => new(survey, openData: true, includeTexts);

    /// <summary>The cells of one response, in column order; null where the person gave no value.</summary>
    public string?[] Row(ExportResponse response, TimeSpan offset)
    {
        var cells = ResponseCells.Of(_survey, response);
        cells["id"] = response.Id;
        cells["respondent"] = response.Respondent;
        cells["survey_version"] = response.SurveyVersion;
        cells["channel"] = response.Channel;
        cells["promoter"] = response.Promoter;
        cells["language"] = response.Language;
        cells[_openData ? "started_on" : "started_at"] = _openData ? LocalDay(response.StartedAt, offset) : Utc(response.StartedAt);
        cells[_openData ? "completed_on" : "completed_at"] = _openData ? LocalDay(response.CompletedAt, offset) : Utc(response.CompletedAt);
        return [.. Columns.Select(c => _labels ? Label(c, cells.GetValueOrDefault(c.Name)) : cells.GetValueOrDefault(c.Name))];
    }

    /// <summary>The text of a code the column allows ("pesimo" → "Pésimo"), "Sí"/"No" for a 1/0 column; anything else as it is.</summary>
    private static string? Label(ExportColumn column, string? cell) => (column, cell) switch
    {
        (_, null) => null,
        ({ Type: "boolean" }, _) => cell == "1" ? "Sí" : "No",
        ({ Codes: { } codes }, _) => codes.FirstOrDefault(c => c.Code == cell).Text ?? cell,
        _ => cell,
    };

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string LocalDay(DateTimeOffset at, TimeSpan offset) => at.ToOffset(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<ExportColumn> QuestionColumns(Question q)
    {
        var codes = q.Options.Select(o => (o.Code, o.Text.Default)).ToList();
        var kind = q.Kind switch
        {
            QuestionKind.YesNo => "si_no",
            QuestionKind.SingleChoice => "opcion_unica",
            QuestionKind.MultipleChoice => "opcion_multiple",
            QuestionKind.Grid => "cuadricula",
            QuestionKind.Ranked => "orden",
            _ => "texto",
        };
        ExportColumn Column(string name, string type, string title, IReadOnlyList<(string, string)>? allowed = null, bool freeText = false) =>
            new(name, type, title, allowed, freeText, q.Code, q.Number, kind);
        return q.Kind switch
        {
            QuestionKind.YesNo => [Column(q.Code, "string", q.Text.Default, [("si", "Sí"), ("no", "No")])],
            QuestionKind.SingleChoice => [Column(q.Code, "string", q.Text.Default, codes)],
            QuestionKind.MultipleChoice => q.Options.Select(o => Column($"{q.Code}.{o.Code}", "boolean", $"{q.Text.Default} — {o.Text.Default} (1: elegida, 0: no)")),
            QuestionKind.Grid => q.Rows.Select(r => Column($"{q.Code}.{r.Code}", "string", $"{q.Text.Default} — {r.Text.Default}", codes)),
            QuestionKind.Ranked => Enumerable.Range(1, q.Pick).Select(rank => Column($"{q.Code}.rank{rank}", "string", $"{q.Text.Default} — lugar {rank}", codes)),
            _ => q.Parts.Count == 0
                ? [Column(q.Code, "string", q.Text.Default, freeText: true)]
                : q.Parts.Select(p => Column($"{q.Code}.{p.Code}", "string", $"{q.Text.Default} — {p.Label.Default}", freeText: true)),
        };
    }
}
