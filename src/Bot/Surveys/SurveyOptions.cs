namespace ChatSurvey.Bot.Surveys;

/// <summary>Configuration section "Survey".</summary>
public sealed class SurveyOptions
{
    /// <summary>The definition file; a relative path is looked up next to the app, then in the working folder.</summary>
    public string Path { get; set; } = "surveys/gobierno-abierto-2022.json";

    /// <summary>After this much silence a returning person is asked "¿continuar o empezar de nuevo?".</summary>
    public TimeSpan ResumePromptAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>One response per person and survey: a person who finished is told so instead of starting again.</summary>
    public bool OneResponsePerPerson { get; set; } = true;
}
