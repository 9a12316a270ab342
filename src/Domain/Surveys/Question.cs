namespace ChatSurvey.Domain.Surveys;

/// <summary>One step of the survey. Follow-ups (e.g. "Otro ¿Cuál?") are questions with a <see cref="When"/>.</summary>
public sealed record Question
{
    public required string Code { get; init; }

    /// <summary>The number shown to people ("3"); follow-ups share the number of the question they follow.</summary>
    public required int Number { get; init; }

    public required QuestionKind Kind { get; init; }

    public required LocalizedText Text { get; init; }

    public IReadOnlyList<SurveyOption> Options { get; init; } = [];

    /// <summary>Grid rows; the grid's scale is <see cref="Options"/>.</summary>
    public IReadOnlyList<SurveyOption> Rows { get; init; } = [];

    /// <summary>Parts of a text question; a text question without parts has one implicit part.</summary>
    public IReadOnlyList<TextPart> Parts { get; init; } = [];

    public bool Optional { get; init; }

    public int MaxLength { get; init; } = 1000;

    /// <summary>How many options a ranked question asks for.</summary>
    public int Pick { get; init; }

    public FollowUpCondition? When { get; init; }

    /// <summary>How many messages the question takes: grid rows, text parts, ranked picks, or one.</summary>
    public int StepCount => Kind switch
    {
        QuestionKind.Grid => Rows.Count,
        QuestionKind.Text => Math.Max(1, Parts.Count),
        QuestionKind.Ranked => Pick,
        _ => 1,
    };
}
