namespace ChatSurvey.Domain.Events;

/// <summary>
/// One value of an answer: an option (with its grid row or rank position) or a text (with its part, in <see cref="Row"/>).
/// <code>{"question": "q5", "row": "transparencia", "option": "B"}</code>
/// <code>{"question": "q11", "rank": 1, "option": "salud"}</code>
/// <code>{"question": "q9", "row": "problema_1", "text": "Falta de agua"}</code>
/// </summary>
public sealed record AnswerValue(string Question, string? Row, int? Rank, string? Option, string? Text)
{
    public static AnswerValue ForOption(string question, string option) => new(question, null, null, option, null);
}
