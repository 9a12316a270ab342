using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>The releases (migration step 11): their rows, and their zips as chunks written and read in order.</summary>
public sealed class ReleaseStore(DashboardDb db)
{
    private const string Columns = "id, published_at, survey_version, responses, bytes, sha256, build";

    public Task<List<Release>> ListAsync(CancellationToken cancellationToken) =>
        db.ListAsync($"SELECT {Columns} FROM open_data_releases ORDER BY published_at DESC, id DESC", [], Read, cancellationToken);

    public async Task<Release?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await db.ListAsync($"SELECT {Columns} FROM open_data_releases WHERE id = @id", [("id", id)], Read, cancellationToken)).FirstOrDefault();

    /// <summary>The first free identifier for a release published on <paramref name="day"/>.</summary>
    public async Task<string> NextIdAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var first = Html.Format.Day(day);
        var taken = (await db.ListAsync("SELECT id FROM open_data_releases WHERE id LIKE @day", [("day", first + "%")], r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, int.MaxValue - 1).Select(n => n == 1 ? first : $"{first}.{n}").First(id => !taken.Contains(id));
    }

    public async Task SaveChunkAsync(string build, int seq, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await using var connection = await db.Store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        await sql.Execute("INSERT INTO open_data_chunks (build, seq, data) VALUES (@b, @s, @d)", ("b", build), ("s", seq), ("d", data.ToArray()));
    }

    /// <returns>False when another instance published that identifier first (this build's chunks are then removed).</returns>
    public async Task<bool> PublishAsync(Release release, CancellationToken cancellationToken)
    {
        await using var connection = await db.Store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        var published = await sql.Execute(
            $"INSERT INTO open_data_releases ({Columns}) VALUES (@id, @at, @version, @responses, @bytes, @sha, @build) ON CONFLICT DO NOTHING",
            ("id", release.Id), ("at", db.Time(release.PublishedAt)), ("version", release.SurveyVersion), ("responses", release.Responses), ("bytes", release.Bytes), ("sha", release.Sha256), ("build", release.Build)) == 1;
        if (!published)
        {
            await sql.Execute("DELETE FROM open_data_chunks WHERE build = @b", ("b", release.Build));
        }

        return published;
    }

    /// <summary>Writes the release's zip to <paramref name="output"/>, a chunk at a time.</summary>
    public async Task CopyToAsync(Release release, Stream output, CancellationToken cancellationToken)
    {
        await foreach (var chunk in db.StreamAsync("SELECT data FROM open_data_chunks WHERE build = @b ORDER BY seq", [("b", release.Build)], r => (byte[])r.GetValue(0), cancellationToken))
        {
            await output.WriteAsync(chunk, cancellationToken);
        }
    }

    private static Release Read(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), DashboardDb.ReadTime(r, 1), r.GetString(2), DashboardDb.ReadLong(r, 3), DashboardDb.ReadLong(r, 4), r.GetString(5), r.GetString(6));
}
