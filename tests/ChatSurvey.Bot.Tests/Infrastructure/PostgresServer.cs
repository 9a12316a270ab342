using System.Diagnostics;
using Npgsql;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server: initdb into a temporary folder, postgres on a free loopback port, stopped on dispose.
/// As root it runs the server as the "postgres" user (PostgreSQL refuses root). Fails with an install hint when
/// the binaries are missing (never skips).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private readonly bool _durable;

    private PostgresServer(string bin, string folder, int port, bool durable)
    {
        _bin = bin;
        _durable = durable;
        Folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    public string Folder { get; }

    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5";

    /// <param name="durable">
    /// Keep PostgreSQL's durable defaults (fsync, synchronous commit) instead of turning them off for speed: for
    /// benchmarks whose figures must include real commits.
    /// </param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin/postgres): run `apt-get install -y postgresql` (scripts/test does this).");
        }

        var folder = Directory.CreateTempSubdirectory("chatsurvey-pg-").FullName;
        var server = new PostgresServer(bin, folder, FreePort.Next(), durable);
        if (server._asPostgresUser)
        {
            await Run("chown", "-R", "postgres:postgres", folder);
        }

        await server.RunAsServer("initdb", ["-D", server._data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", .. durable ? Array.Empty<string>() : ["--no-sync"]]);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Starts (or restarts after <see cref="StopAsync"/>) the server on the same port and data.</summary>
    public async Task StartProcessAsync()
    {
        // fsync off: these are throwaway test databases; crash safety of PostgreSQL itself is not what we test.
        var settings = _durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsServer("pg_ctl", "-D", _data, "-l", Path.Combine(Folder, "log"), "-w", "-o", $"-p {Port} -h 127.0.0.1 -k {Folder}{settings}", "start");
    }

    public Task StopAsync() => RunAsServer("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Guid.NewGuid():N}";
        // Unpooled: a pooled connection from before a restart of this server would be dead.
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private Task RunAsServer(string tool, params string[] args) =>
        _asPostgresUser ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : Run(Path.Combine(_bin, tool), args);

    private static async Task Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
