using System.Diagnostics;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>A 3-master Redis Cluster of real redis-server processes on loopback ports, created for the test run.</summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly List<RedisServer> _nodes;

    private RedisCluster(List<RedisServer> nodes) => _nodes = nodes;

    public string Configuration => string.Join(',', _nodes.Select(n => n.Endpoint));

    public static async Task<RedisCluster> StartAsync()
    {
        var nodes = new List<RedisServer>();
        for (var i = 0; i < 3; i++)
        {
            nodes.Add(await RedisServer.StartAsync("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"));
        }

        var info = new ProcessStartInfo(RedisServer.Executable("redis-cli")) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--cluster");
        info.ArgumentList.Add("create");
        nodes.ForEach(n => info.ArgumentList.Add(n.Endpoint));
        info.ArgumentList.Add("--cluster-replicas");
        info.ArgumentList.Add("0");
        info.ArgumentList.Add("--cluster-yes");
        using var create = Process.Start(info)!;
        var output = await create.StandardOutput.ReadToEndAsync();
        await create.WaitForExitAsync();
        if (create.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed: {output}{await create.StandardError.ReadToEndAsync()}");
        }

        var cluster = new RedisCluster(nodes);
        await cluster.WaitUntilReadyAsync();
        return cluster;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
            var states = await Task.WhenAll(_nodes.Select(async n => (string?)await connection.GetServer(n.Endpoint).ExecuteAsync("CLUSTER", "INFO")));
            if (states.All(s => s is not null && s.Contains("cluster_state:ok", StringComparison.Ordinal)))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Redis Cluster did not reach cluster_state:ok");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
