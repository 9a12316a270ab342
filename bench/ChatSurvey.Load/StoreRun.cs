using System.Diagnostics;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Events;
using Microsoft.Data.Sqlite;

namespace ChatSurvey.Load;

/// <summary>
/// The domain store on its own: (a) outbox batches written through SqlResponseStore.WriteAsync, as the outbox worker
/// does, into PostgreSQL and SQLite; (b) a million synthetic responses read back in export order. PostgreSQL is a
/// server of the harness's own; SQLite a file in a temporary folder.
/// </summary>
internal static class StoreRun
{
    private const int BatchSize = 256;
    private const int Concurrent = 64;

    /// <param name="providers">Which databases to read a million responses back from ("postgres", "sqlite").</param>
    public static async Task RunAsync(int respondents, int read, IReadOnlyCollection<string> providers)
    {
        var traffic = new OutboxTraffic();
        Console.WriteLine($"one respondent = {traffic.EntriesPerRespondent} outbox entries; the completed response has {traffic.Response.Values.Count} answer values");
        // Durable settings, unlike the tests' server: the ingest figures include real commits.
        await using var postgres = await PostgresServer.StartAsync(durable: true);
        var folder = Directory.CreateTempSubdirectory("chatsurvey-bench-sqlite-").FullName;
        try
        {
            await IngestAsync("postgres", SqlDialect.Postgres, await postgres.CreateDatabaseAsync(), traffic, respondents);
            await IngestAsync("sqlite", SqlDialect.Sqlite, $"Data Source={Path.Combine(folder, "ingest.db")}", traffic, respondents);
            if (read > 0)
            {
                var data = new SyntheticResponses(traffic.Response);
                // Bulk loading and indexing a million responses takes minutes: no command timeout.
                var pg = await postgres.CreateDatabaseAsync() + ";Command Timeout=0";
                if (providers.Contains("postgres"))
                {
                    await ReadBackAsync("postgres", SqlDialect.Postgres, pg, read, () => BulkLoad.PostgresAsync(pg, data, read));
                }

                var file = Path.Combine(folder, "export.db");
                if (providers.Contains("sqlite"))
                {
                    await ReadBackAsync("sqlite", SqlDialect.Sqlite, $"Data Source={file}", read, () => BulkLoad.SqliteAsync(file, data, read));
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task IngestAsync(string name, SqlDialect dialect, string connectionString, OutboxTraffic traffic, int respondents)
    {
        await using var store = new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect);
        await store.MigrateAsync(default);
        // Warm-up (JIT, pool, statement caches) on people outside the measured range.
        foreach (var batch in traffic.Batches(respondents, Concurrent, Concurrent, BatchSize))
        {
            await store.WriteAsync(batch, default);
        }

        var batches = new List<double>();
        long entries = 0, responses = 0;
        var clock = Stopwatch.StartNew();
        foreach (var batch in traffic.Batches(0, respondents, Concurrent, BatchSize))
        {
            var started = Stopwatch.GetTimestamp();
            await store.WriteAsync(batch, default);
            batches.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            entries += batch.Count;
            responses += batch.Count(e => e.Event is ConversationCompleted);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        batches.Sort();
        Console.WriteLine($"{name} ingest: {responses} responses, {entries} entries in {batches.Count} batches of {BatchSize}, {seconds:F1} s: " +
            $"{responses / seconds:F0} responses/s, {entries / seconds:F0} entries/s; batch ms p50={batches[batches.Count / 2]:F1} p99={batches[(int)(batches.Count * 0.99)]:F1} max={batches[^1]:F1}");
    }

    private static async Task ReadBackAsync(string name, SqlDialect dialect, string connectionString, int count, Func<Task> load)
    {
        await using var store = new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect);
        await store.MigrateAsync(default);
        SqliteConnection.ClearAllPools();
        var clock = Stopwatch.StartNew();
        await load();
        Console.WriteLine($"{name} generate: {count} responses in {clock.Elapsed.TotalSeconds:F0} s (bulk load, indexes rebuilt, analyzed)");
        SqliteConnection.ClearAllPools();
        await ExportInChildAsync(name, connectionString, "csv");
        await ExportInChildAsync(name, connectionString, "xlsx");
    }

    /// <summary>
    /// Each export runs in a fresh process of this harness (mode store-export), so its peak working set is the read's
    /// own and not what generating the data left behind (SQLite's page cache stays in the process after a bulk load).
    /// </summary>
    private static async Task ExportInChildAsync(string provider, string connectionString, string format)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(StoreRun).Assembly.Location);
        }

        foreach (var arg in new[] { "store-export", "--provider", provider, "--connection", connectionString, "--format", format })
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info) ?? throw new InvalidOperationException("the export process did not start");
        Console.Write(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {provider} export failed ({child.ExitCode})");
        }
    }

    /// <summary>The child side: one export, measured from a fresh process.</summary>
    /// <param name="format">"csv" or "xlsx": the staff export of that format.</param>
    public static async Task ExportAsync(string provider, string connectionString, string format)
    {
        var dialect = SqlDialect.For(provider);
        await using var store = new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect);
        var f = await ExportRead.RunAsync(store, format);
        const double MiB = 1024 * 1024;
        Console.WriteLine($"{provider} staff {format.ToUpperInvariant()} export: {f.CsvBytes / MiB:F0} MiB in {f.Total.TotalSeconds:F1} s " +
            $"(first bytes after {f.FirstBytes.TotalSeconds:F2} s); working set {f.WorkingSetBefore / MiB:F0} MiB before, " +
            $"peak {f.PeakWorkingSet / MiB:F0} MiB; GC allocated {f.Allocated / MiB:F0} MiB");
    }
}
