using System.Diagnostics;
using ChatSurvey.Bot.Tests.Infrastructure;
using Npgsql;

namespace ChatSurvey.Load;

/// <summary>
/// A PostgreSQL server of the harness's own: initdb into a temporary folder, postgres on a free loopback port, as the
/// "postgres" user when running as root (PostgreSQL refuses root). The lines are copied from the test fixture
/// (tests/ChatSurvey.Bot.Tests/Infrastructure/PostgresServer.cs, linked into this project for the webhook run) with
/// one difference: the fixture turns fsync, synchronous_commit and full_page_writes off for speed, while this server
/// keeps PostgreSQL's durable defaults, so the ingestion figures include real commits.
/// </summary>
internal sealed class PostgresProcess : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser = Environment.UserName == "root";

    private PostgresProcess(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresProcess> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries are not installed: run `apt-get install -y postgresql`.");
        }

        var port = FreePort.Next();
        var server = new PostgresProcess(bin, Directory.CreateTempSubdirectory("chatsurvey-bench-pg-").FullName, port);
        if (server._asPostgresUser)
        {
            await Run("chown", "-R", "postgres:postgres", server._folder);
        }

        var data = Path.Combine(server._folder, "data");
        await server.RunAsServer("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C");
        await server.RunAsServer("pg_ctl", "-D", data, "-l", Path.Combine(server._folder, "log"), "-w", "-o", $"-p {port} -h 127.0.0.1 -k {server._folder}", "start");
        return server;
    }

    /// <summary>No command timeout: building and reading a million responses takes minutes.</summary>
    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=15;Command Timeout=0";

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsServer("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
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
