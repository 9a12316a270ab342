namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The "sent" marks of replies the dispatcher delivered, held a moment and then written together: one script call per
/// bucket instead of one round trip per send. A mark whose person committed a newer turn meanwhile is dropped
/// unwritten, because that commit already replaced the pending replies it would have cleared (under load most marks
/// go this way). Nothing waits on a mark: one lost in a crash or an outage leaves its replies pending, and the sweeper
/// sends them again, as it would after a crash between the send and an immediate mark.
/// </summary>
internal sealed partial class SentMarks(Func<IReadOnlyDictionary<string, string>, Task> write, ILogger logger)
{
    /// <summary>Long enough to gather the marks of a busy moment, far below the sweeper's 30 s before a re-send.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private Dictionary<string, string> _waiting = [];
    private Task _flushing = Task.CompletedTask;

    /// <summary>The replies of <paramref name="turn"/> reached the person named <paramref name="member"/>.</summary>
    public void Add(string member, string turn)
    {
        lock (_gate)
        {
            var first = _waiting.Count == 0;
            _waiting[member] = turn;
            if (first)
            {
                _flushing = FlushLaterAsync();
            }
        }
    }

    /// <summary>The person's newer turn was committed: their pending replies are that turn's now.</summary>
    public void Forget(string member)
    {
        lock (_gate)
        {
            _waiting.Remove(member);
        }
    }

    /// <summary>Writes what is held now (shutting down) and waits for the write in progress.</summary>
    public async Task FlushAsync()
    {
        Task flushing;
        lock (_gate)
        {
            flushing = _flushing;
        }

        await flushing;
        await WriteAsync();
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(Hold);
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        Dictionary<string, string> batch;
        lock (_gate)
        {
            (batch, _waiting) = (_waiting, []);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await write(batch);
        }
#pragma warning disable CA1031 // Redis is away: the replies stay pending and the sweeper sends them again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogWriteFailed(logger, e, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} sent marks could not be written; those replies stay pending and may go out again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
