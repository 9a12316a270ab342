using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Npgsql;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>
/// The bot, a child process, killed with SIGKILL at random moments while 40 people answer the whole survey (12 at a
/// time) and restarted each time on the same port. Clients retry a failed message with the same id, as the platforms
/// do. Afterwards PostgreSQL must hold exactly one response (with all its values) and one completed event per person
/// who finished: none lost, none doubled. Only counts are asserted, never durations.
/// </summary>
public sealed class CrashTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Respondents = 40;
    private const int Kills = 4;
    // Respondents answering at the same time; the others wait for a free lane.
    private const int Lanes = 12;
    private const string PseudonymKey = "test";
    private static readonly string[] Messages = ["/start", .. SurveyScript.Answers];

    [Fact]
    public async Task BotKilledRepeatedlyUnderLoad_EveryCompletedResponseStoredExactlyOnce()
    {
        // appendfsync always: a turn Redis acknowledged is on disk; only the bot dies here, but the setting is the
        // one a deployment that cannot lose a response uses.
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var bot = new BotProcess(new Dictionary<string, string>
        {
            ["Redis__Configuration"] = redis.Endpoint,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__ChatSurvey"] = database,
            ["Privacy__PseudonymKey"] = PseudonymKey,
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await bot.StartAsync();

        // The seed (in every failure message) fixes the kill points and think times; the interleaving is the machine's.
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        var load = new CrashLoad(http, Messages, seed);
        var conversations = Enumerable.Range(0, Respondents).Select(i => $"crash{seed & 0xffff:x4}{i:D4}").ToList();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var run = load.RunAsync(conversations, Lanes, deadline);

        var total = Respondents * Messages.Length;
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Spread over the run (around 27, 45, 64 and 82 % of all turns, while people are finishing), at a random
            // turn within each stretch.
            var at = (int)(total * (kill + 0.5 + (random.NextDouble() * 0.6) - 0.3) / (Kills + 1.5));
            while (load.Turns < at && !run.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(random.Next(1, 10));
            }

            Assert.False(run.IsCompleted, $"The respondents finished before kill {kill} (seed {seed}); the kills would not be under load.");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: kill {kill} at {load.Turns} of {total} turns, {load.Finished} respondents finished");
            await bot.KillAsync();
            // Down for a moment: in-flight requests were reset, new ones are refused and retried.
            await Task.Delay(random.Next(0, 500));
            await bot.StartAsync();
        }

        await run;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: all respondents done; outbox {await OutboxEntries(http)} entries");
        var completed = conversations.Where(load.Thanked).ToList();
        Assert.True(completed.Count == Respondents, $"{Respondents - completed.Count} respondents did not get the thanks (seed {seed}).");

        var pseudonyms = new Pseudonymizer(Encoding.UTF8.GetBytes(PseudonymKey));
        var expected = completed.Select(c => pseudonyms.For(new ConversationKey(Channel.Web, load.IdOf(c)))).Order(StringComparer.Ordinal).ToList();
        var valuesPerResponse = ValuesPerResponse();

        // Entries a killed bot had read but not acknowledged wait until the next one claims them (after 10 s idle);
        // generous deadline.
        var context = $"seed {seed}, {bot.Starts} starts";
        var drained = await Drained(http, TimeSpan.FromSeconds(60));
        var responses = await PostgresQuery.Strings(database, "SELECT respondent FROM responses ORDER BY respondent");
        Assert.True(drained, $"The outbox did not drain within 60 s ({context}, {responses.Count} of {expected.Count} responses stored); the bot's last output:\n{bot.RecentOutput}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: outbox drained");
        var completedEvents = await PostgresQuery.Strings(database, "SELECT respondent FROM conversation_events WHERE type = 'completed' ORDER BY respondent");
        var values = await PostgresQuery.Strings(database, "SELECT response_id FROM answer_values");

        Assert.True(expected.SequenceEqual(responses), $"Responses differ from the {expected.Count} completed respondents ({context}): lost {Missing(expected, responses)}, doubled or unknown {Missing(responses, expected)}.");
        Assert.True(expected.SequenceEqual(completedEvents), $"Completed events differ from the {expected.Count} completed respondents ({context}): lost {Missing(expected, completedEvents)}, doubled or unknown {Missing(completedEvents, expected)}.");
        Assert.True(values.Count == expected.Count * valuesPerResponse, $"answer_values has {values.Count} rows, expected {expected.Count} × {valuesPerResponse} ({context}).");
        Assert.All(values.GroupBy(v => v), g => Assert.Equal(valuesPerResponse, g.Count()));
    }

    /// <summary>How many values one response of the script has, from the engine itself rather than a constant.</summary>
    private static int ValuesPerResponse()
    {
        var state = ConversationState.Initial;
        var now = DateTimeOffset.UnixEpoch.AddDays(20000);
        var events = new List<ConversationEvent>();
        foreach (var message in Messages)
        {
            var turn = ConversationEngine.Resume(TestSurvey.Compiled, state, Input.FromText(message), now);
            state = turn.State;
            events.AddRange(turn.Events);
        }

        return events.OfType<ConversationCompleted>().Single().Response.Values.Count;
    }

    private static string Missing(List<string> from, List<string> other)
    {
        var left = from.ToList();
        other.ForEach(o => left.Remove(o));
        return left.Count == 0 ? "none" : $"{left.Count} ({string.Join(", ", left.Take(5))})";
    }

    private static async Task<bool> Drained(HttpClient http, TimeSpan limit)
    {
        try
        {
            await Eventually.Get(() => OutboxEntries(http), n => n == 0, "the outbox to drain", (int)limit.TotalSeconds);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<long> OutboxEntries(HttpClient http)
    {
        var ready = await http.GetFromJsonAsync<JsonElement>(new Uri("/readyz", UriKind.Relative));
        return ready.GetProperty("outbox").GetProperty("entries").GetInt64();
    }
}
