using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Maci.Abci.Server;

/// <summary>
/// Parses CometBFT <c>proxy_app</c> style addresses: <c>tcp://host:port</c>, <c>unix:///absolute/path</c>
/// (or <c>unix://relative/path</c>), and a bare <c>host:port</c>, which means TCP.
/// </summary>
public static class AbciAddress
{
    private const string TcpScheme = "tcp://";
    private const string UnixScheme = "unix://";

    /// <summary>Parses <paramref name="address"/> into a TCP or Unix-domain endpoint.</summary>
    /// <exception cref="FormatException">The address is malformed.</exception>
    public static EndPoint Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase))
        {
            var path = address[UnixScheme.Length..];
            if (path.Length == 0)
            {
                throw new FormatException($"ABCI address '{address}' has an empty unix socket path.");
            }
            return new UnixDomainSocketEndPoint(path);
        }
        var hostPort = address.StartsWith(TcpScheme, StringComparison.OrdinalIgnoreCase)
            ? address[TcpScheme.Length..]
            : address;
        if (hostPort.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"ABCI address '{address}' has an unsupported scheme (use tcp:// or unix://).");
        }
        return ParseHostPort(address, hostPort);
    }

    /// <summary>Formats an endpoint back into address form (<c>tcp://ip:port</c> or <c>unix://path</c>).</summary>
    public static string Format(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => ip.AddressFamily == AddressFamily.InterNetworkV6
            ? $"tcp://[{ip.Address}]:{ip.Port}"
            : $"tcp://{ip.Address}:{ip.Port}",
        UnixDomainSocketEndPoint unix => $"unix://{unix}",
        _ => endPoint.ToString() ?? string.Empty,
    };

    private static IPEndPoint ParseHostPort(string address, string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || colon == hostPort.Length - 1)
        {
            throw new FormatException($"ABCI address '{address}' must be host:port.");
        }
        var host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new FormatException($"ABCI address '{address}' has an invalid port.");
        }
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }
        IPAddress[] resolved;
        try
        {
            resolved = Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw new FormatException($"ABCI address '{address}': cannot resolve host '{host}': {e.Message}", e);
        }
        var chosen = Array.Find(resolved, a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? (resolved.Length > 0 ? resolved[0] : null)
            ?? throw new FormatException($"ABCI address '{address}': host '{host}' has no addresses.");
        return new IPEndPoint(chosen, port);
    }
}
