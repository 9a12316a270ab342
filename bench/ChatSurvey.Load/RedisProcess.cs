using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ChatSurvey.Load;

/// <summary>
/// A redis-server of the harness's own on a free loopback port: no persistence (memory is what we measure), otherwise
/// Redis's defaults, the configuration a hosted Redis gives.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        Endpoint = $"127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public static async Task<RedisProcess> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start (apt-get install -y redis-server)");
        process.BeginOutputReadLine();
        var redis = new RedisProcess(process, port);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
                return redis;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("redis-server did not answer");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
