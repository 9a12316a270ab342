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
    Spanish,
    English,
}
