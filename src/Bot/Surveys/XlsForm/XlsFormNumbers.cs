namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>
/// An XLSForm has no question numbers: they are 1, 2, 3… in order, and a follow-up (a question with relevant) that comes
/// right after the question it depends on (or that question's other follow-ups) shares its number. Export checks a
/// survey's numbers by the same rule, so they come back the same.
/// </summary>
public static class XlsFormNumbers
{
    /// <param name="questions">Each question's code and the code of the question its relevant depends on.</param>
    public static int[] Derive(IReadOnlyList<(string Code, string? Parent)> questions)
    {
        var numbers = new int[questions.Count];
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var (code, parent) = questions[i];
            var follows = parent is not null && byCode.TryGetValue(parent, out var shared) && shared == last;
            numbers[i] = follows ? last : ++last;
            byCode[code] = numbers[i];
        }

        return numbers;
    }
}
