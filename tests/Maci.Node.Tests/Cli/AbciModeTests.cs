using System.Net;
using Google.Protobuf;
using System.Net.Sockets;
using Maci.Node.Cli;
using Maci.Node.Tests.Host;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Node.Tests.Cli;

/// <summary><c>macid start --abci</c> serves the app over CometBFT's socket protocol (what a CometBFT node connects to).</summary>
public class AbciModeTests
{
    [Fact]
    public async Task Start_with_abci_serves_info_and_echo_and_stops_on_cancel()
    {
        var home = TestNode.NewHome();
        var port = FreePort();
        using var cts = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = MacidCli.RunAsync(["start", "--home", home, "--abci", $"tcp://127.0.0.1:{port}", "--log-level", "Warning"], stdout, stderr, cts.Token);
        try
        {
            using var client = await ConnectAsync(port);
            await using var stream = client.GetStream();
            var echo = await CallAsync(stream, new Request { Echo = new RequestEcho { Message = "hello" } });
            Assert.Equal("hello", echo.Echo.Message);
            var info = await CallAsync(stream, new Request { Info = new RequestInfo { Version = "0.38.25", AbciVersion = "2.0.0" } });
            Assert.Equal(0, info.Info.LastBlockHeight);
            Assert.Equal(1ul, info.Info.AppVersion);
            Assert.Contains($"serving ABCI for chain {TestNode.ChainId}", stdout.ToString());
        }
        finally
        {
            await cts.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
            TestNode.DeleteHome(home);
        }
    }

    private static async Task<Response> CallAsync(Stream stream, Request request)
    {
        request.WriteDelimitedTo(stream);
        new Request { Flush = new RequestFlush() }.WriteDelimitedTo(stream);
        await stream.FlushAsync();
        var response = Response.Parser.ParseDelimitedFrom(stream);
        var flush = Response.Parser.ParseDelimitedFrom(stream);
        Assert.Equal(Response.ValueOneofCase.Flush, flush.ValueCase);
        return response;
    }

    private static async Task<TcpClient> ConnectAsync(int port)
    {
        for (var i = 0; ; i++)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return client;
            }
            catch (SocketException) when (i < 100)
            {
                client.Dispose();
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
