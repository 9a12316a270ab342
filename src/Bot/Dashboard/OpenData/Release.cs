namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// A published open-data release: its permanent identifier (the local day of publication, "2026-12-03", then
/// "2026-12-03.2" for a second one that day), when, which survey version's columns, how many responses, and its zip's
/// size and SHA-256. Releases are never changed or removed.
/// </summary>
/// <param name="Build">The chunks of its zip (open_data_chunks.build).</param>
public sealed record Release(string Id, DateTimeOffset PublishedAt, string SurveyVersion, long Responses, long Bytes, string Sha256, string Build)
{
    public string Path => $"/resultados/datos/{Id}.zip";
}
