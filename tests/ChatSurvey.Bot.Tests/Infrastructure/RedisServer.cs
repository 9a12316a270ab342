using System.Diagnostics;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// A real redis-server process on a free loopback port, in its own temporary folder, stopped on dispose.
/// Fails with an install hint when redis-server is missing (never skips).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port, string folder, string[] extraArgs)
    {
        Port = port;
        Folder = folder;
        ExtraArgs = extraArgs;
    }

    public int Port { get; }

    public string Folder { get; }

    private string[] ExtraArgs { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(params string[] extraArgs)
    {
        var server = new RedisServer(FreePort.Next(), Directory.CreateTempSubdirectory("chatsurvey-redis-").FullName, extraArgs);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Starts the server again on the same port and folder (after <see cref="KillAsync"/>), so AOF data is reloaded.</summary>
    public async Task StartProcessAsync()
    {
        var path = Executable("redis-server");
        var args = new List<string> { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Folder, "--save", "", "--daemonize", "no", "--protected-mode", "no" };
        args.AddRange(ExtraArgs);
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ForEach(info.ArgumentList.Add);
        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{Endpoint},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>kill -9: no shutdown, no final save; what survives is what AOF already holds.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temporary folder is cleaned by the system later.
        }
    }

    public static string Executable(string name)
    {
        foreach (var dir in new[] { "/usr/bin", "/usr/local/bin", "/usr/sbin" })
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{name} is not installed: run `apt-get install -y redis-server` (scripts/test does this).");
    }
}
