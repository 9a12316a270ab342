namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// One counted value of tally_answers: a question's option, with its grid row or text part ("" for none) and rank (0
/// for none). <see cref="Answered"/> is the row that counts the responses with any value for the question, the base
/// of its percentages.
/// </summary>
public readonly record struct AnswerKey(string Question, string Row, int Rank, string Option)
{
    public static AnswerKey Answered(string question) => new(question, "", 0, "");

    public bool IsAnswered => Option.Length == 0;
}
