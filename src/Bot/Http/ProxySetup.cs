using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChatSurvey.Bot.Http;

/// <summary>
/// Behind a TLS proxy (Caddy, nginx): X-Forwarded-For and X-Forwarded-Proto are believed only from the addresses in
/// Proxy:KnownProxies (single addresses or CIDR networks), so per-address limits see the client, and nobody else can
/// pose as another client by sending the headers. With none configured, no forwarded header is read at all (with empty
/// lists ASP.NET Core's middleware would believe every sender).
/// </summary>
public static class ProxySetup
{
    public const string Section = "Proxy";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Proxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownIPNetworks.Add(Network(proxy));
            }
        });
        return services;
    }

    /// <summary>Reads forwarded headers, only when there are proxies to believe.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (Proxies(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static string[] Proxies(IConfiguration configuration) => configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];

    private static System.Net.IPNetwork Network(string proxy)
    {
        if (System.Net.IPNetwork.TryParse(proxy, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(proxy, out var address)
            ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is neither an IP address nor a CIDR network (e.g. 172.18.0.0/16).");
    }
}
