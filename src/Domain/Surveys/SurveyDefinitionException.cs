namespace ChatSurvey.Domain.Surveys;

/// <summary>A survey file that cannot be used: names the file, the JSON path and the fault.</summary>
public sealed class SurveyDefinitionException : Exception
{
    public SurveyDefinitionException(string source, string path, string fault)
        : base($"{source}: {path}: {fault}")
    {
        Source = source;
        Path = path;
        Fault = fault;
    }

    public new string Source { get; }

    public string Path { get; }

    public string Fault { get; }
}
