using System.Collections.Concurrent;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>
/// The promoter codes that exist, looked up in the promoters table and remembered for a while: a code staff just
/// created on another instance is credited within <see cref="ForgetUnknownAfter"/>, and a stream of invented codes
/// costs one indexed lookup each per that time, never more.
/// </summary>
public sealed class KnownPromoters(SqlResponseStore store, TimeProvider time) : IPromoterCodes
{
    private static readonly TimeSpan ForgetUnknownAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ForgetKnownAfter = TimeSpan.FromMinutes(10);

    /// <summary>Past this many remembered codes (someone inventing them by the thousand), start over.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (bool Exists, DateTimeOffset Until)> _seen = new(StringComparer.Ordinal);

    public async ValueTask<bool> ExistsAsync(string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_seen.TryGetValue(code, out var seen) && seen.Until > now)
        {
            return seen.Exists;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        var exists = await sql.Scalar("SELECT 1 FROM promoters WHERE code = @code", ("code", code)) is not null;
        if (_seen.Count >= MaxRemembered)
        {
            _seen.Clear();
        }

        _seen[code] = (exists, now + (exists ? ForgetKnownAfter : ForgetUnknownAfter));
        return exists;
    }

    /// <summary>A promoter created here is credited at once.</summary>
    public void Added(string code) => _seen[code] = (true, time.GetUtcNow() + ForgetKnownAfter);
}
