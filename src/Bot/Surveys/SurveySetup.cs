namespace ChatSurvey.Bot.Surveys;

/// <summary>The survey: its file (read now, so a broken one stops startup), the catalog of versions and their archive.</summary>
public static class SurveySetup
{
    public static Domain.Conversations.CompiledSurvey AddSurvey(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Survey").Get<SurveyOptions>() ?? new SurveyOptions();
        var survey = SurveyFile.Load(options);
        services.AddSingleton(survey);
        services.AddSingleton(options);
        services.AddSingleton(new SurveyCatalog(survey));
        services.AddSingleton<SurveyArchive>();
        return survey;
    }
}
