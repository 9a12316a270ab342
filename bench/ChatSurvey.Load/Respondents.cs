using System.Diagnostics;

namespace ChatSurvey.Load;

/// <summary>
/// Simulated people answering the whole survey through a target's webhooks. Each sends its next answer only after
/// every message of the reply to the previous one reached the fake API (matched by chat id or number), so a slow
/// target slows its respondents down instead of piling up requests.
/// </summary>
internal sealed class Respondents(FakeApis fakes, WebhookClient client)
{
    /// <summary>A turn whose reply has not arrived by then counts as failed and ends that respondent's survey.</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Ids that are valid both as Telegram chat ids and as E.164 numbers (+52 1…, 13 digits).</summary>
    private static long _nextId = 5_210_000_000_000;

    /// <summary>
    /// Learns how many messages each step brings back on <paramref name="channel"/>: one respondent, who after each
    /// answer waits for the first message and then until nothing more arrives for 300 ms.
    /// </summary>
    public async Task CalibrateAsync(Target target, Channel channel)
    {
        var id = Interlocked.Increment(ref _nextId);
        var inbox = fakes.Register(id);
        var script = WebhookClient.Script(channel);
        var totals = new int[script.Count];
        try
        {
            for (var i = 0; i < script.Count; i++)
            {
                var arrived = inbox.Expect(inbox.Received + 1);
                if (!await client.SendAsync(target.BaseAddress, channel, id, script[i], CancellationToken.None))
                {
                    throw new InvalidOperationException($"{target.Name} refused step {i} on {channel}");
                }

                await arrived.WaitAsync(TurnTimeout);
                for (var quiet = 0; quiet < 50; quiet++)
                {
                    var seen = inbox.Received;
                    await Task.Delay(300);
                    if (inbox.Received == seen)
                    {
                        break;
                    }
                }

                totals[i] = inbox.Received;
            }
        }
        finally
        {
            fakes.Unregister(id);
        }

        target.Expected[channel] = totals;
    }

    /// <summary>One new person through the whole script; true when every turn got its whole reply in time.</summary>
    public async Task<bool> SurveyAsync(Target target, Channel channel, int pauseMin, int pauseMax, LatencyLog log, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var inbox = fakes.Register(id);
        var script = WebhookClient.Script(channel);
        var expected = target.Expected[channel];
        try
        {
            for (var i = 0; i < script.Count; i++)
            {
                if (i > 0 && pauseMax > 0)
                {
                    await Task.Delay(Random.Shared.Next(pauseMin, pauseMax + 1), cancellationToken);
                }

                // Armed before sending: the reply may arrive before the webhook's own response does.
                var arrived = inbox.Expect(expected[i]);
                var started = Stopwatch.GetTimestamp();
                if (!await client.SendAsync(target.BaseAddress, channel, id, script[i], cancellationToken))
                {
                    log.Failed();
                    return false;
                }

                var at = await arrived.WaitAsync(TurnTimeout, cancellationToken);
                log.Add(channel, Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            }

            log.Completed();
            return true;
        }
        catch (TimeoutException)
        {
            log.Failed();
            return false;
        }
        catch (HttpRequestException)
        {
            log.Failed();
            return false;
        }
        finally
        {
            // A reply arriving after this (a duplicate) is counted by the fake as unmatched.
            fakes.Unregister(id);
        }
    }
}
