using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// The bot as a child process (`dotnet ChatSurvey.Bot.dll` from this test's output folder, where the project
/// reference put it), configured by environment variables like a deployment. Unlike <see cref="BotHost"/> it can be
/// killed with SIGKILL: nothing in the bot gets to run on the way down, which is what a crash really is.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Dictionary<string, string> _environment;
    // The child's last output lines, for the failure message when it does not start.
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public BotProcess(IDictionary<string, string> environment)
    {
        Port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        _environment = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["URLS"] = BaseAddress.ToString().TrimEnd('/'),
            // Information-level request logs from 40 respondents would only slow the child down.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in TestLimits.AsEnvironment())
        {
            _environment.TryAdd(name, value);
        }
    }

    /// <summary>Fixed for this object's life, so a restarted bot is found where clients left it.</summary>
    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Starts { get; private set; }

    public string RecentOutput => string.Join('\n', _output);

    /// <summary>Starts the bot and waits until /healthz answers (migrations have run by then).</summary>
    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatSurvey.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: the test project must reference src/Bot/Bot.csproj.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {process.ExitCode} while starting:\n{RecentOutput}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot did not answer /healthz within 60 s:\n{RecentOutput}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown, no flush, no final acknowledgement.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
