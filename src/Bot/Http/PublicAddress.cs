using System.Net;
using System.Net.Sockets;

namespace ChatSurvey.Bot.Http;

/// <summary>
/// The bot's public address (Dashboard:PublicBaseUrl, Twilio:PublicBaseUrl): what Telegram, Twilio and printed posters
/// reach. Outside Development it must be https on a name the internet can reach, or webhooks never arrive (Telegram
/// refuses plain HTTP) and posters print an address no phone can open.
/// </summary>
public static class PublicAddress
{
    /// <returns>Null when <paramref name="url"/> will do, otherwise what is wrong with it, for a startup error.</returns>
    public static string? Problem(string? url, bool development)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") ||
            parsed.Query.Length > 0 || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0)
        {
            return "must be an absolute http(s) address without query, e.g. https://encuesta.example.org";
        }

        if (development)
        {
            return null;
        }

        if (parsed.Scheme != "https")
        {
            return "must use https outside Development (Telegram only calls https webhooks; cookies and answers travel encrypted)";
        }

        return IsLocal(parsed) ? $"names '{parsed.Host}', which the internet cannot reach: use the public name the TLS proxy serves" : null;
    }

    private static bool IsLocal(Uri url)
    {
        if (url.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            var host = url.IdnHost.TrimEnd('.');
            return !host.Contains('.', StringComparison.Ordinal) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ||
                host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase);
        }

        var address = IPAddress.Parse(url.IdnHost.Trim('[', ']'));
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        return PrivateV4.Any(network => network.Contains(address));
    }

    // RFC 1918 private networks, link-local and carrier-grade NAT: none is reachable from Telegram or Twilio.
    private static readonly System.Net.IPNetwork[] PrivateV4 =
        [.. new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10" }.Select(n => System.Net.IPNetwork.Parse(n))];
}
