namespace ChatSurvey.Domain.Answers;

/// <summary>The outcome of parsing one message: a value, or the reason it was rejected.</summary>
public readonly record struct ParseResult<T>(T Value, Rejection Rejection)
{
    public bool IsOk => Rejection == Rejection.None;

    public static ParseResult<T> Ok(T value) => new(value, Rejection.None);

    public static ParseResult<T> Invalid(Rejection rejection) => new(default!, rejection);
}
