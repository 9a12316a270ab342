using System.Net;
using System.Net.Http.Json;
using ChatSurvey.Bot.Channels.WebChat;
using ChatSurvey.Bot.Tests.WebChat;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>
/// Respondents answering the script one message at a time, a few lanes of them at once. Every message has a fixed id
/// per respondent and step; a request that fails (refused, reset, timed out, 5xx) is sent again with the same id until
/// the bot answers.
/// </summary>
internal sealed class CrashLoad(HttpClient http, string[] messages, int seed)
{
    private readonly HashSet<string> _thanked = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();
    private int _turns;
    private int _finished;
    private int _leadSteps;

    /// <summary>Messages answered so far, across all respondents.</summary>
    public int Turns => Volatile.Read(ref _turns);

    public int Finished => Volatile.Read(ref _finished);

    /// <summary>The id the bot gave the respondent named <paramref name="conversation"/> (the key of its state).</summary>
    public string IdOf(string conversation) => _tokens[conversation][..22];

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
        _tokens[conversation] = await Open(deadline);
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

    private async Task<string> Open(DateTime deadline) =>
        (await Retry("opening a conversation", async () =>
        {
            var response = await http.PostAsync(new Uri("/api/chat/conversations", UriKind.Relative), null);
            return (response, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<WebChatConversation>() : null);
        }, deadline)).Conversation;

    private async Task<WebChatResponse> Send(string conversation, string id, string text, DateTime deadline)
    {
        string? proof = null;
        while (true)
        {
            var token = _tokens[conversation];
            var answer = await Retry<object>($"{id} '{text}'", async () =>
            {
                var response = await http.PostAsJsonAsync(new Uri($"/api/chat/conversations/{token}/messages", UriKind.Relative), new WebChatMessage(id, text, proof));
                object? read = response.StatusCode switch
                {
                    HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<WebChatResponse>(),
                    HttpStatusCode.Forbidden when proof is null => (await response.Content.ReadFromJsonAsync<WebChatError>())?.Challenge,
                    _ => null,
                };
                return (response, read);
            }, deadline);
            if (answer is ProofChallenge challenge)
            {
                // The first answer of a conversation carries a proof of work, solved as the page would.
                proof = ProofSolver.Solve(challenge);
                continue;
            }

            var reply = (WebChatResponse)answer;
            if (reply.Conversation is { } verified)
            {
                _tokens[conversation] = verified;
            }

            return reply;
        }
    }

    /// <summary>
    /// Sends until the bot answers: a refused, reset or timed-out request or a 5xx is sent again. <paramref name="send"/>
    /// returns the response and what it read from it; a 4xx it did not read is the bot refusing a valid message (a bug).
    /// </summary>
    private async Task<T> Retry<T>(string what, Func<Task<(HttpResponseMessage Response, T? Read)>> send, DateTime deadline)
        where T : notnull
    {
        string? failure = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var (response, read) = await send();
                using (response)
                {
                    if (read is not null)
                    {
                        return read;
                    }

                    if ((int)response.StatusCode < 500)
                    {
                        throw new InvalidOperationException($"{what} got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }

                    failure = $"{(int)response.StatusCode} {response.StatusCode}";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = e.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{what} was never answered (seed {seed}); last failure: {failure ?? "none"}");
    }
}
