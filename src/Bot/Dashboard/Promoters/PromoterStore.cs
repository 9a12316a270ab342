using System.Data.Common;
using System.Security.Cryptography;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>The promoters table (migration step 3).</summary>
public sealed class PromoterStore(DashboardDb db, KnownPromoters known, TimeProvider time)
{
    private const string Columns = "code, name, organisation, created_at, stats_token";

    /// <returns>The new promoter, or null when the code is taken.</returns>
    public async Task<Promoter?> CreateAsync(string code, string name, string organisation, CancellationToken cancellationToken)
    {
        var promoter = new Promoter(code, name, organisation, time.GetUtcNow(), NewToken());
        await using var connection = await db.Store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        var inserted = await sql.Execute(
            $"INSERT INTO promoters ({Columns}) VALUES (@code, @name, @organisation, @at, @token) ON CONFLICT DO NOTHING",
            ("code", code), ("name", name), ("organisation", organisation), ("at", db.Time(promoter.CreatedAt)), ("token", promoter.StatsToken));
        if (inserted != 1)
        {
            return null;
        }

        known.Added(code);
        return promoter;
    }

    /// <summary>A new private link for a promoter whose link leaked; the old one stops working at once.</summary>
    public async Task<bool> RenewTokenAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await db.Store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        return await sql.Execute("UPDATE promoters SET stats_token = @token WHERE code = @code", ("token", NewToken()), ("code", code)) == 1;
    }

    public Task<List<Promoter>> ListAsync(CancellationToken cancellationToken) =>
        db.ListAsync($"SELECT {Columns} FROM promoters ORDER BY name, code", [], Read, cancellationToken);

    public async Task<Promoter?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await db.ListAsync($"SELECT {Columns} FROM promoters WHERE code = @code", [("code", code)], Read, cancellationToken)).SingleOrDefault();

    public async Task<Promoter?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        IsToken(token) ? (await db.ListAsync($"SELECT {Columns} FROM promoters WHERE stats_token = @token", [("token", token)], Read, cancellationToken)).SingleOrDefault() : null;

    /// <summary>128 random bits, URL-safe: unguessable, so the link alone is the permission to see the page.</summary>
    public static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static bool IsToken(string? token) => token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static Promoter Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), DashboardDb.ReadTime(r, 3), r.GetString(4));
}
