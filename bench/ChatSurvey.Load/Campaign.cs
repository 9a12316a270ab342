using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Load;

/// <summary>
/// A state-wide campaign for the dashboard benchmark, person i derived from i alone: 60 days, four channels, 24
/// promoters (and 40 % with none); 75 % complete (with answers drawn like the tests' seed), 10 % are still in the
/// survey, 10 % abandoned and 5 % cancelled, each with the events the bot would have stored.
/// </summary>
internal static class Campaign
{
    public const string SurveyId = "ogaipo-gobierno-abierto";
    public const string Version = "2022.1";

    private static readonly string[] Channels = ["web", "telegram", "whatsapp", "sms"];
    private static readonly string[] Main = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12"];

    public static DateTimeOffset Epoch { get; } = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>How many people give <paramref name="responses"/> completed responses (the first people numbers).</summary>
    public static long PeopleFor(long responses) => responses * 100 / 75;

    public static Person For(long i)
    {
        var a = SyntheticResponses.Mix((ulong)i);
        var b = SyntheticResponses.Mix(a);
        var c = SyntheticResponses.Mix(b);
        var d = SyntheticResponses.Mix(c);
        var start = Epoch.AddSeconds((long)(a % (60UL * 86400)));
        var outcome = (d % 100) switch { < 75 => "completed", < 85 => "in_progress", < 95 => "abandoned", _ => "cancelled" };
        var promoter = c % 10 < 4 ? null : $"promotor_{c % 24:D2}";
        return new Person($"{a:x16}{b:x16}", $"{c:x16}{d:x16}", Channels[d % 4], promoter, start, outcome, d);
    }

    /// <summary>The events of a person, as (id, at, type, question, detail).</summary>
    public static IEnumerable<(string Id, DateTimeOffset At, string Type, string? Question, string? Detail)> Events(Person p, IReadOnlyList<AnswerValue>? values)
    {
        List<string> asked = p.Outcome == "completed"
            ? [.. Main.SelectMany(q => FollowUp(q, values!) is { } next ? [q, next] : new[] { q })]
            : [.. Main.Take(1 + (int)(p.Seed % 11))];
        var n = 0;
        string Id() => $"{p.Respondent}{n++:x4}";
        yield return (Id(), p.Start, "started", null, "es");
        var at = p.Start;
        for (var q = 0; q < asked.Count; q++)
        {
            at = at.AddSeconds(25);
            yield return (Id(), at, "question_asked", asked[q], null);
            if ((p.Seed >> q) % 13 == 0)
            {
                yield return (Id(), at.AddSeconds(5), "answer_rejected", asked[q], "OutOfRange");
            }

            if (q < asked.Count - 1 || p.Outcome == "completed")
            {
                yield return (Id(), at.AddSeconds(10), "answer_recorded", asked[q], null);
            }
        }

        switch (p.Outcome)
        {
            case "completed":
                yield return (Id(), p.CompletedAt, "completed", null, null);
                break;
            case "abandoned":
                yield return (Id(), at.AddDays(30), "abandoned", asked[^1], null);
                break;
            case "cancelled":
                yield return (Id(), at.AddSeconds(20), "cancelled", null, "Cancelled");
                break;
        }
    }

    /// <summary>The follow-up a person who completed was asked after a question: "¿Cuál?" after "Otro", the contact after q12.</summary>
    private static string? FollowUp(string question, IReadOnlyList<AnswerValue> values) =>
        values.Any(v => v.Question == question + "_otro") ? question + "_otro"
        : question == "q12" && values.Any(v => v.Question == "q12_contacto") ? "q12_contacto"
        : null;

    /// <summary>The person's answers (a completed response's values), drawn like the tests' seed.</summary>
    public static List<AnswerValue> Values(Person p) => SeedAnswers.Draw(new Random((int)(p.Seed & 0x7FFFFFFF)));

    public readonly record struct Person(string ResponseId, string Respondent, string Channel, string? Promoter, DateTimeOffset Start, string Outcome, ulong Seed)
    {
        public DateTimeOffset CompletedAt => Start.AddSeconds(420 + (long)(Seed % 1500));
    }
}
