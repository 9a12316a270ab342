using System.Collections.Concurrent;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// Counts wrong passwords per name (known or not, so a lockout reveals nothing about which names exist) and locks a
/// name after too many. In process: one instance's counter is enough to make guessing slow, and the per-IP rate limit
/// covers the rest. Memory is bounded: past <see cref="MaxNames"/> names, expired entries are dropped.
/// </summary>
public sealed class SignInLockout(StaffOptions options, TimeProvider time)
{
    private const int MaxNames = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public bool IsLocked(string name, out TimeSpan remaining)
    {
        remaining = TimeSpan.Zero;
        if (!_entries.TryGetValue(StaffPasswords.NormalizeName(name), out var entry))
        {
            return false;
        }

        lock (entry)
        {
            remaining = entry.LockedUntil - time.GetUtcNow();
            return remaining > TimeSpan.Zero;
        }
    }

    public void Failed(string name)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxNames)
        {
            Prune(now);
        }

        var entry = _entries.GetOrAdd(StaffPasswords.NormalizeName(name), _ => new Entry());
        lock (entry)
        {
            if (now - entry.FirstFailure > options.LockoutTime)
            {
                entry.FirstFailure = now;
                entry.Failures = 0;
            }

            entry.Failures++;
            if (entry.Failures >= options.MaxFailedSignIns)
            {
                entry.LockedUntil = now + options.LockoutTime;
                entry.Failures = 0;
                entry.FirstFailure = now;
            }
        }
    }

    public void Succeeded(string name) => _entries.TryRemove(StaffPasswords.NormalizeName(name), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LockedUntil < now && now - entry.FirstFailure > options.LockoutTime)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset FirstFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
