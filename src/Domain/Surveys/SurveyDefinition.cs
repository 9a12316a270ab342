namespace ChatSurvey.Domain.Surveys;

/// <summary>A whole survey as loaded from its definition file.</summary>
public sealed record SurveyDefinition
{
    public required string Id { get; init; }

    /// <summary>Recorded with every response so that answers are read against the wording they were given.</summary>
    public required string Version { get; init; }

    public required string DefaultLanguage { get; init; }

    public required IReadOnlyList<string> Languages { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>The privacy notice shown before question 1; consent is asked right after it.</summary>
    public required LocalizedText Privacy { get; init; }

    public required LocalizedText Thanks { get; init; }

    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>
    /// The yes/no question whose "si" is consent to be contacted: only then may the person's channel address be kept
    /// (question 12's follow-up in the 2022 form). Null when the survey keeps no contacts.
    /// </summary>
    public string? ContactConsent { get; init; }

    /// <summary>The highest question number: "Pregunta 4 de 12".</summary>
    public int QuestionCount => Questions.Count == 0 ? 0 : Questions.Max(q => q.Number);

    /// <summary>Every text of the survey with the JSON path it was read from, in file order.</summary>
    public IEnumerable<(string Path, LocalizedText Text)> Texts()
    {
        yield return ("$.title", Title);
        yield return ("$.privacy", Privacy);
        yield return ("$.thanks", Thanks);
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            yield return ($"$.questions[{i}].text", q.Text);
            for (var o = 0; o < q.Options.Count; o++)
            {
                yield return ($"$.questions[{i}].options[{o}].text", q.Options[o].Text);
            }

            for (var r = 0; r < q.Rows.Count; r++)
            {
                yield return ($"$.questions[{i}].rows[{r}].text", q.Rows[r].Text);
            }

            for (var p = 0; p < q.Parts.Count; p++)
            {
                yield return ($"$.questions[{i}].parts[{p}].text", q.Parts[p].Label);
            }
        }
    }

    public int IndexOf(string questionCode)
    {
        for (var i = 0; i < Questions.Count; i++)
        {
            if (Questions[i].Code == questionCode)
            {
                return i;
            }
        }

        return -1;
    }
}
