using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// How many calls the bot may still place for people who wrote "llamar": at most Voice:CallBacksPerDay in any 24 hours,
/// and one per number within Voice:CallBackInterval, so a repeated "llamar" (or a script sending it) cannot run up the
/// bill. Counted in this process: with several instances each keeps its own count.
/// </summary>
public sealed class CallBackBudget(IOptions<VoiceOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset At, string Number)> _placed = [];

    /// <summary>Takes one call from the budget for <paramref name="number"/>, or says there is none.</summary>
    public bool TryTake(string number, DateTimeOffset now)
    {
        var settings = options.Value;
        lock (_lock)
        {
            _placed.RemoveAll(p => now - p.At >= Window);
            if (_placed.Count >= settings.CallBacksPerDay || _placed.Any(p => p.Number == number && now - p.At < settings.CallBackInterval))
            {
                return false;
            }

            _placed.Add((now, number));
            return true;
        }
    }

    /// <summary>Gives back the call last taken for <paramref name="number"/>: it was not placed after all.</summary>
    public void Return(string number)
    {
        lock (_lock)
        {
            var last = _placed.FindLastIndex(p => p.Number == number);
            if (last >= 0)
            {
                _placed.RemoveAt(last);
            }
        }
    }
}
