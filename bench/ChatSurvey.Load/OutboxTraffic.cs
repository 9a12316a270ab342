using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Load;

/// <summary>
/// Outbox entries as the bot commits them: the engine runs the whole script once, and every respondent replays those
/// events (per-turn events, then the completed response) under its own pseudonym, ids and times.
/// </summary>
internal sealed class OutboxTraffic
{
    private readonly List<(int Message, int Index, ConversationEvent Event)> _script = [];
    private readonly Pseudonymizer _pseudonyms = new("bench"u8.ToArray());

    public OutboxTraffic()
    {
        var survey = SurveyFile.Load(new SurveyOptions());
        var state = ConversationState.Initial;
        string[] messages = ["/start", .. SurveyScript.Answers];
        for (var m = 0; m < messages.Length; m++)
        {
            var turn = ConversationEngine.Resume(survey, state, Input.FromText(messages[m]), Epoch.AddSeconds(20 * m));
            state = turn.State;
            _script.AddRange(turn.Events.Select((e, i) => (m, i, e)));
        }

        Response = _script.Select(s => s.Event).OfType<ConversationCompleted>().Single().Response;
    }

    public static DateTimeOffset Epoch { get; } = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The script's completed response, the shape every synthetic response copies.</summary>
    public CompletedResponse Response { get; }

    public int EntriesPerRespondent => _script.Count;

    /// <summary>
    /// Entries of <paramref name="respondents"/> people numbered from <paramref name="first"/>, <paramref name="concurrent"/>
    /// of them answering at a time, in the order the outbox would hold them; cut into batches of
    /// <paramref name="batchSize"/> as the worker reads them.
    /// </summary>
    public IEnumerable<List<OutboxEntry>> Batches(int first, int respondents, int concurrent, int batchSize)
    {
        var batch = new List<OutboxEntry>(batchSize);
        for (var start = first; start < first + respondents; start += concurrent)
        {
            var group = Enumerable.Range(start, Math.Min(concurrent, first + respondents - start)).ToList();
            foreach (var (message, index, e) in _script)
            {
                foreach (var r in group)
                {
                    batch.Add(Entry(r, message, index, e));
                    if (batch.Count == batchSize)
                    {
                        yield return batch;
                        batch = new List<OutboxEntry>(batchSize);
                    }
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private OutboxEntry Entry(int respondent, int message, int index, ConversationEvent e)
    {
        var conversation = $"bench{respondent:D8}";
        var pseudonym = _pseudonyms.For(new ConversationKey(Bot.Conversations.Channel.Web, conversation));
        var shift = TimeSpan.FromSeconds(respondent * 7L);
        var shifted = e is ConversationCompleted c
            ? c with { At = c.At + shift, Response = c.Response with { StartedAt = c.Response.StartedAt + shift, CompletedAt = c.Response.CompletedAt + shift } }
            : e with { At = e.At + shift };
        return new OutboxEntry($"{pseudonym}:{conversation}-{message:D3}:{index}", "web", pseudonym, shifted);
    }
}
