namespace ChatSurvey.Domain.Answers;

/// <summary>Why an answer was not accepted; the engine turns it into a friendly, specific re-ask.</summary>
public enum Rejection : byte
{
    None,
    Empty,
    NotUnderstood,
    OutOfRange,
    Ambiguous,
    TooMany,
    TooFew,
    Repeated,
    TooLong,
    NoWords,
    NotText,
}
