namespace ChatSurvey.Domain.Answers;

/// <summary>Words that work in any state.</summary>
public enum Command : byte
{
    None,
    Help,
    Back,
    Status,
    Restart,
    Cancel,
    Delete,
    Skip,
    /// <summary>"idioma", "language": show the languages to choose from.</summary>
    Language,
    /// <summary>A language's name or switch word ("English", "español"): continue in that language.</summary>
    Switch,
}
