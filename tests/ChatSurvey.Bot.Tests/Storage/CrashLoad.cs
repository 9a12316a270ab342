using System.Net.Http.Json;
using ChatSurvey.Bot.Channels.WebChat;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>
/// Respondents answering the script one message at a time, a few lanes of them at once. Every message has a fixed id
/// per respondent and step; a request that fails (refused, reset, timed out, 5xx) is sent again with the same id until
/// the bot answers.
/// </summary>
internal sealed class CrashLoad(HttpClient http, string[] messages, int seed)
{
    private readonly HashSet<string> _thanked = [];
    private int _turns;
    private int _finished;
    private int _leadSteps;

    /// <summary>Messages answered so far, across all respondents.</summary>
    public int Turns => Volatile.Read(ref _turns);

    public int Finished => Volatile.Read(ref _finished);

    public bool Thanked(string conversation)
    {
        lock (_thanked)
        {
            return _thanked.Contains(conversation);
        }
    }

    public async Task RunAsync(IReadOnlyList<string> conversations, int lanes, DateTime deadline)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(async lane =>
        {
            // Lane j starts when the first lane is j/lanes of the way through its first respondent: people then
            // finish one after another all through the run, not in waves, so kills find some of them finishing.
            while (Volatile.Read(ref _leadSteps) < lane * messages.Length / lanes)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Lane {lane} never started (seed {seed}).");
                await Task.Delay(5);
            }

            for (var i = Interlocked.Increment(ref next); i < conversations.Count; i = Interlocked.Increment(ref next))
            {
                await Complete(conversations[i], new Random(seed + i), deadline, lead: lane == 0);
            }
        }));
    }

    private async Task Complete(string conversation, Random random, DateTime deadline, bool lead)
    {
        WebChatResponse? last = null;
        for (var step = 0; step < messages.Length; step++)
        {
            // A little think time varies where each kill falls in a request's life.
            await Task.Delay(random.Next(0, 30));
            last = await Send(conversation, $"{conversation}-{step:D3}", messages[step], deadline);
            Interlocked.Increment(ref _turns);
            if (lead)
            {
                Interlocked.Increment(ref _leadSteps);
            }
        }

        Interlocked.Increment(ref _finished);
        if (last!.Replies.Any(r => r.Text.Contains("gracias", StringComparison.OrdinalIgnoreCase)))
        {
            lock (_thanked)
            {
                _thanked.Add(conversation);
            }
        }
    }

    private async Task<WebChatResponse> Send(string conversation, string id, string text, DateTime deadline)
    {
        string? failure = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(new Uri("/api/chat/messages", UriKind.Relative), new WebChatMessage(conversation, id, text));
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<WebChatResponse>() ?? throw new InvalidOperationException($"{id}: empty body");
                }

                // A 4xx is the bot refusing a valid message: a bug, not a crash to ride out.
                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{id} '{text}' got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                failure = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = e.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{id} '{text}' was never answered (seed {seed}); last failure: {failure ?? "none"}");
    }
}
