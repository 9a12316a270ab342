using System.Text.Encodings.Web;
using System.Text.Json;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// Responses as JSON Lines, one object per line, answers nested by kind:
/// <code>{"id":"…","respondent":"…","survey_version":"2022.1","channel":"web","promoter":null,"language":"es",
/// "started_at":"2026-11-27T12:00:00Z","completed_at":"2026-11-27T12:10:00Z","answers":{"q1":"si",
/// "q3":["television","otro"],"q3_otro":"Perifoneo","q5":{"transparencia":"B"},"q9":{"problema_1":"…"},"q11":["salud","empleo"]}}</code>
/// </summary>
public sealed class JsonLinesExport(ResponseReader responses, SurveyCatalog surveys)
{
    public const string ContentType = "application/x-ndjson; charset=utf-8";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task WriteAsync(Stream output, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await foreach (var response in responses.ReadAsync(filter, cancellationToken))
        {
            buffer.SetLength(0);
            await using (var json = new Utf8JsonWriter(buffer, Options))
            {
                Write(json, response);
            }

            buffer.Write(NewLine);
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        }
    }

    private void Write(Utf8JsonWriter json, ExportResponse r)
    {
        // Each response's answers read against the version it was given on.
        var survey = surveys.ForVersion(r.SurveyVersion);
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("respondent", r.Respondent);
        json.WriteString("survey_version", r.SurveyVersion);
        json.WriteString("channel", r.Channel);
        json.WriteString("promoter", r.Promoter);
        json.WriteString("language", r.Language);
        json.WriteString("started_at", ExportLayout.Utc(r.StartedAt));
        json.WriteString("completed_at", ExportLayout.Utc(r.CompletedAt));
        json.WriteStartObject("answers");
        foreach (var group in r.Values.GroupBy(v => v.Question))
        {
            var index = survey.Definition.IndexOf(group.Key);
            var kind = index < 0 ? QuestionKind.Text : survey.Questions[index].Kind;
            json.WritePropertyName(group.Key);
            switch (kind)
            {
                case QuestionKind.MultipleChoice or QuestionKind.Ranked:
                    json.WriteStartArray();
                    foreach (var v in group.OrderBy(v => v.Rank))
                    {
                        json.WriteStringValue(v.Option);
                    }

                    json.WriteEndArray();
                    break;
                case QuestionKind.Grid or QuestionKind.Text when group.First().Row is not null:
                    json.WriteStartObject();
                    foreach (var v in group)
                    {
                        json.WriteString(v.Row!, v.Text is null ? v.Option : TextRedaction.Apply(v.Text));
                    }

                    json.WriteEndObject();
                    break;
                default:
                    var single = group.First();
                    json.WriteStringValue(single.Text is null ? single.Option : TextRedaction.Apply(single.Text));
                    break;
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
