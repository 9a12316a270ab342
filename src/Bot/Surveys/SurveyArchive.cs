using ChatSurvey.Bot.Storage;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Surveys;

/// <summary>
/// Every survey version the bot has run, kept in the domain store (survey_versions: id, version, the definition's
/// JSON): at startup the current file is added if new, and the earlier versions are read back into the
/// <see cref="SurveyCatalog"/>. So editing the file and restarting needs no other step: conversations started on the
/// old version finish on it. An archived version that no longer loads is logged and left out (its conversations get a
/// fresh start).
/// </summary>
public sealed partial class SurveyArchive(SqlResponseStore store, SurveyCatalog catalog, SurveyOptions options, ILogger<SurveyArchive> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = catalog.Current;
        var path = SurveyFile.Resolve(options.Path);
        var currentJson = SurveyFile.Text(path);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        await sql.Execute(
            "INSERT INTO survey_versions (survey_id, version, definition, archived_at) VALUES (@id, @version, @definition, @at) ON CONFLICT DO NOTHING",
            ("id", current.Definition.Id), ("version", current.Definition.Version), ("definition", currentJson), ("at", store.Dialect.Time(DateTimeOffset.UtcNow)));
        var packs = SurveyFile.Packs(path);
        await using var reader = await sql.Query("SELECT survey_id, version, definition FROM survey_versions", [], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, version) = (reader.GetString(0), reader.GetString(1));
            if (CompiledSurvey.TagOf(id, version) == current.Tag)
            {
                continue;
            }

            try
            {
                catalog.AddEarlier(new CompiledSurvey(SurveyLoader.Parse(reader.GetString(2), $"survey_versions/{id}/{version}"), packs, options.ResumePromptAfter, options.OneResponsePerPerson));
            }
            catch (SurveyDefinitionException e)
            {
                LogUnreadable(logger, e, id, version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archived survey {Id} version {Version} no longer loads; its conversations in progress will start afresh")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string id, string version);
}
