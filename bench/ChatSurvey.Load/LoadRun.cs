using System.Diagnostics;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;

namespace ChatSurvey.Load;

/// <summary>
/// Simulated respondents completing the whole survey through the web chat endpoint, each sending its next answer
/// only after the reply to the previous one arrived. Client and bot share this process and its 2 cores.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(string store, int respondents, int pauseMin, int pauseMax)
    {
        await using var redis = store == "redis" ? await RedisProcess.StartAsync() : null;
        await using var host = await LoadHost.StartAsync(redis?.Endpoint);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4096 }) { BaseAddress = host.BaseAddress };
        string[] messages = ["/start", .. SurveyScript.Answers];

        // Warm up JIT and connections with a few respondents first.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Respond(http, $"warm{i:D8}", messages, 0, 0, null)));

        var latencies = new List<double>[respondents];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, respondents).Select(i => Respond(http, $"load{i:D8}", messages, pauseMin, pauseMax, latencies[i] = [])));
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"store={store} respondents={respondents} pause={pauseMin}-{pauseMax}ms turns={all.Length} seconds={clock.Elapsed.TotalSeconds:F1}");
        Console.WriteLine($"turns/s={all.Length / clock.Elapsed.TotalSeconds:F0} surveys/s={respondents / clock.Elapsed.TotalSeconds:F1}");
        Console.WriteLine($"latency ms p50={Percentile(all, 0.50):F2} p99={Percentile(all, 0.99):F2} max={all[^1]:F2}");
        Console.WriteLine($"process CPU per turn (bot + client) ms={cpuUsed.TotalMilliseconds / all.Length:F3}");
    }

    private static async Task Respond(HttpClient http, string name, string[] messages, int pauseMin, int pauseMax, List<double>? latencies)
    {
        var chat = new WebChatClient(http, await WebChatClient.OpenAsync(http));
        for (var i = 0; i < messages.Length; i++)
        {
            if (pauseMax > 0 && i > 0)
            {
                await Task.Delay(Random.Shared.Next(pauseMin, pauseMax + 1));
            }

            var started = Stopwatch.GetTimestamp();
            await chat.Send(messages[i], $"{name}-{i:D3}");
            latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
