using System.Diagnostics;

namespace ChatSurvey.Load;

/// <summary>
/// The messages one respondent has received at the fake API so far. A respondent arms it with the total it expects
/// after its next answer; the fake completes the wait with the arrival time of the message that reaches it, so the
/// latency ends when the reply arrived, not when the respondent's continuation got to run.
/// </summary>
internal sealed class Inbox
{
    private readonly Lock _gate = new();
    private int _received;
    private int _target;
    private TaskCompletionSource<long>? _waiter;

    public int Received
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }

    /// <summary>Completes with a <see cref="Stopwatch"/> timestamp once <paramref name="total"/> messages have arrived.</summary>
    public Task<long> Expect(int total)
    {
        lock (_gate)
        {
            if (_received >= total)
            {
                return Task.FromResult(Stopwatch.GetTimestamp());
            }

            _target = total;
            // Asynchronous continuations: the respondent must not run on the fake API's request thread.
            _waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    public void Arrived()
    {
        var now = Stopwatch.GetTimestamp();
        TaskCompletionSource<long>? done = null;
        lock (_gate)
        {
            _received++;
            if (_waiter is not null && _received >= _target)
            {
                done = _waiter;
                _waiter = null;
            }
        }

        done?.TrySetResult(now);
    }
}
