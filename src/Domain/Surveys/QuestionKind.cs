namespace ChatSurvey.Domain.Surveys;

public enum QuestionKind
{
    /// <summary>Two fixed options, "si" and "no".</summary>
    YesNo,
    SingleChoice,
    MultipleChoice,
    /// <summary>Each row rated on one shared scale, a row per message or the whole grid at once.</summary>
    Grid,
    /// <summary>One or more free texts (parts), each asked in its own message.</summary>
    Text,
    /// <summary>N distinct options of M in order of preference.</summary>
    Ranked,
}
