using System.Diagnostics;

namespace ChatSurvey.Load;

/// <summary>
/// A .NET app of the run (the bot, the floor) in a process of its own, so its CPU time and memory can be read from
/// /proc apart from the respondents'. Its output goes to a log file; it is killed (with anything it started) on dispose.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log, string name, Uri baseAddress)
    {
        _process = process;
        _log = log;
        Name = name;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public static async Task<ChildProcess> StartAsync(string name, string dll, IEnumerable<string> args, IDictionary<string, string> environment, Uri baseAddress, string logPath, string readyPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        var lockObject = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (lockObject)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildProcess(process, log, name, baseAddress);
        await child.WaitReadyAsync(readyPath, logPath);
        return child;
    }

    private async Task WaitReadyAsync(string readyPath, string logPath)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(readyPath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to start.
            }

            await Task.Delay(200);
        }

        // The folder goes when the run is disposed, so the output (a startup error first) travels in the message.
        var output = File.Exists(logPath) ? string.Join(Environment.NewLine, File.ReadLines(logPath).Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(15)) : "(no output)";
        throw new InvalidOperationException($"{Name} did not become ready; its output without stack frames:{Environment.NewLine}{output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
