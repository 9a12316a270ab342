using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// The seeded dataset: people on four channels, two promoters and none, over three local days (UTC−6, one start at
/// 21:30 local that is already the next day in UTC), every outcome, rejected answers, a restart, a person who declined
/// the notice and one who deleted their data. <see cref="Entries"/> is what the outbox would deliver.
/// </summary>
public sealed class DashboardSeed
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>The survey version every seeded conversation ran on.</summary>
    public const string Version = "2022.1";
    private static readonly string[] Channels = ["web", "whatsapp", "telegram", "sms"];
    private static readonly string?[] Promoters = ["radio_ixtlan", "sec_mujeres", null];

    public static readonly IReadOnlyList<string> MainQuestions = [.. TestSurvey.Compiled.Questions.Where(q => q.When is null).Select(q => q.Code)];

    public DashboardSeed(int people = 40, int seed = 7)
    {
        var random = new Random(seed);
        var persons = new List<SeedPerson>();
        for (var i = 0; i < people; i++)
        {
            var start = Day1.AddDays(i % 3).AddHours(8 + (i % 13)).AddMinutes(i);
            var outcome = (SeedOutcome)(i % 7 < 4 ? 0 : (i % 7) - 3);
            persons.Add(Person($"p{i:D3}", Channels[i % 4], Promoters[i % 3], [start], outcome, random));
        }

        // 21:30 in Oaxaca on day 1 is 03:30 UTC on day 2: it belongs to day 1.
        persons.Add(Person("late", "web", "radio_ixtlan", [Day1.AddHours(21.5)], SeedOutcome.Completed, random));
        // Started, wrote "reiniciar" five minutes later (cancelled Restarted + started at the same instant), then finished.
        persons.Add(Person("again", "whatsapp", "sec_mujeres", [Day1.AddHours(10), Day1.AddHours(10).AddMinutes(5)], SeedOutcome.Completed, random));
        People = persons;
    }

    public IReadOnlyList<SeedPerson> People { get; }

    public IReadOnlyList<OutboxEntry> Entries()
    {
        var entries = new List<OutboxEntry>();
        foreach (var p in People)
        {
            var n = 0;
            void Add(ConversationEvent e) => entries.Add(new OutboxEntry($"{p.Respondent}:{n++}:0", p.Channel, p.Respondent, e, SurveyVersion: Version));
            Add(new ConversationStarted(p.FirstStart, p.Promoter, "es"));
            if (p.Starts.Count > 1)
            {
                Add(new ConversationCancelled(p.LastStart, CancelReason.Restarted));
                Add(new ConversationStarted(p.LastStart, p.Promoter, "es"));
            }

            for (var q = 0; q < p.Asked.Count; q++)
            {
                var at = p.LastStart.AddSeconds(30 * (q + 1));
                Add(new QuestionAsked(at, p.Asked[q]));
                if (p.RejectedAt.Question == p.Asked[q])
                {
                    Enumerable.Range(0, p.RejectedAt.Times).ToList().ForEach(_ => Add(new AnswerRejected(at.AddSeconds(5), p.Asked[q], Domain.Answers.Rejection.OutOfRange)));
                }

                if (q < p.Asked.Count - 1 || p.Outcome == SeedOutcome.Completed)
                {
                    Add(new AnswerRecorded(at.AddSeconds(10), p.Asked[q]));
                }
            }

            var end = p.LastStart.AddSeconds(30 * (p.Asked.Count + 1));
            switch (p.Outcome)
            {
                case SeedOutcome.Completed:
                    Add(new ConversationCompleted(p.CompletedAt!.Value, new CompletedResponse("ogaipo-gobierno-abierto", Version, "es", p.Promoter, p.LastStart, p.CompletedAt.Value, p.Values)));
                    break;
                case SeedOutcome.Abandoned:
                    Add(new ConversationAbandoned(end.AddDays(30), p.LastAsked));
                    break;
                case SeedOutcome.Cancelled:
                    Add(new ConversationCancelled(end, CancelReason.Cancelled));
                    break;
            }
        }

        // Declined the privacy notice: no start, so nobody to count.
        entries.Add(new OutboxEntry("declined:0:0", "web", "declined", new ConversationCancelled(Day1.AddHours(9), CancelReason.Declined), SurveyVersion: Version));
        // Started and asked to be forgotten: the store keeps no trace that could be counted.
        entries.Add(new OutboxEntry("gone:0:0", "sms", "gone", new ConversationStarted(Day1.AddHours(9), "radio_ixtlan", "es"), SurveyVersion: Version));
        entries.Add(new OutboxEntry("gone:1:0", "sms", "gone", new QuestionAsked(Day1.AddHours(9).AddSeconds(30), "q1"), SurveyVersion: Version));
        entries.Add(new OutboxEntry("gone:2:0", "sms", "gone", new DeletionRequested(Day1.AddHours(9).AddMinutes(1))));
        return entries;
    }

    private static SeedPerson Person(string id, string channel, string? promoter, DateTimeOffset[] starts, SeedOutcome outcome, Random random)
    {
        var values = SeedAnswers.Draw(random);
        var reached = outcome == SeedOutcome.Completed ? MainQuestions.Count : 1 + random.Next(MainQuestions.Count - 1);
        // A completed person was asked the follow-ups their answers triggered, in the survey's order.
        var asked = outcome == SeedOutcome.Completed
            ? TestSurvey.Compiled.Questions.Where(q => q.When is null || values.Any(v => v.Question == q.Code)).Select(q => q.Code).ToList()
            : [.. MainQuestions.Take(reached)];
        var rejected = (asked[random.Next(asked.Count)], random.Next(3));
        if (outcome != SeedOutcome.Completed)
        {
            rejected = (asked[^1], 1 + random.Next(3)); // confusion where they stopped
        }

        var completedAt = outcome == SeedOutcome.Completed ? starts[^1].AddSeconds(240 + random.Next(900)) : (DateTimeOffset?)null;
        return new SeedPerson(id, channel, promoter, starts, outcome, asked, rejected, completedAt, outcome == SeedOutcome.Completed ? values : []);
    }
}
