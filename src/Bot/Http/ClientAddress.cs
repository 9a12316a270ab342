using System.Net;
using System.Net.Sockets;

namespace ChatSurvey.Bot.Http;

/// <summary>
/// The client's address as per-address limits count it (after forwarded headers from trusted proxies are applied).
/// An IPv6 client is counted by its /64 network: one home or phone gets a whole /64 and could otherwise appear as
/// billions of clients.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
