using System.Net;
using System.Net.Sockets;
using Maci.Abci.Server;

namespace Maci.Abci.Tests;

public class AbciAddressTests
{
    [Theory]
    [InlineData("tcp://127.0.0.1:26658", "127.0.0.1", 26658)]
    [InlineData("tcp://0.0.0.0:1", "0.0.0.0", 1)]
    [InlineData("tcp://[::1]:5", "::1", 5)]
    [InlineData("127.0.0.1:26658", "127.0.0.1", 26658)]
    [InlineData("tcp://localhost:7", "127.0.0.1", 7)]
    public void Tcp_addresses_parse(string address, string ip, int port)
    {
        var endPoint = Assert.IsType<IPEndPoint>(AbciAddress.Parse(address));
        Assert.Equal(IPAddress.Parse(ip), endPoint.Address);
        Assert.Equal(port, endPoint.Port);
    }

    [Fact]
    public void Unix_address_keeps_the_absolute_path()
    {
        var endPoint = Assert.IsType<UnixDomainSocketEndPoint>(AbciAddress.Parse("unix:///tmp/app.sock"));
        Assert.Equal("/tmp/app.sock", endPoint.ToString());
        Assert.Equal("unix:///tmp/app.sock", AbciAddress.Format(endPoint));
    }

    [Fact]
    public void Tcp_endpoint_formats_back()
    {
        Assert.Equal("tcp://127.0.0.1:26658", AbciAddress.Format(new IPEndPoint(IPAddress.Loopback, 26658)));
        Assert.Equal("tcp://[::1]:9", AbciAddress.Format(new IPEndPoint(IPAddress.IPv6Loopback, 9)));
    }

    [Theory]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("tcp://127.0.0.1:")]
    [InlineData("tcp://:26658")]
    [InlineData("tcp://127.0.0.1:70000")]
    [InlineData("tcp://127.0.0.1:-1")]
    [InlineData("http://127.0.0.1:80")]
    [InlineData("unix://")]
    public void Malformed_addresses_are_rejected(string address)
    {
        Assert.Throws<FormatException>(() => AbciAddress.Parse(address));
    }
}
