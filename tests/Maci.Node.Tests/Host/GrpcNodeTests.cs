using System.Text.Json;
using Maci.Crypto.Cosmos;
using Maci.Node.Cli;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.TestSupport;

namespace Maci.Node.Tests.Host;

/// <summary>@grpc/grpc-js against the node's gRPC services: unary queries, Simulate, block streams and error statuses.</summary>
public class GrpcNodeTests
{
    [Fact]
    public async Task GrpcJs_calls_queries_simulate_and_streams_and_gets_proper_statuses()
    {
        await using var node = await TestNode.StartAsync(grpc: true);
        var key = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
        var msg = new MsgSend { FromAddress = TestNode.Address0, ToAddress = TestNode.Address1 };
        msg.Amount.Add(new Coin { Denom = "umaci", Amount = "10" });
        var simulateTx = TxBuilder.SimulateTx(TxBuilder.Body([msg], ""), key.PublicKey, 0);

        var output = await NodeJs.RunCheckedAsync("node/grpc-node.mjs",
            [node.Host.GrpcTarget!, Convert.ToHexString(simulateTx), TestNode.Address1], timeout: TimeSpan.FromMinutes(1));
        using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        Assert.Equal("1000000000000", r.GetProperty("balance").GetString());
        Assert.True(r.GetProperty("simulateGasUsed").GetInt32() > 10_000);
        Assert.Equal(5, r.GetProperty("missingAccount").GetProperty("code").GetInt32()); // NOT_FOUND
        Assert.Equal(12, r.GetProperty("unknownMethod").GetProperty("code").GetInt32()); // UNIMPLEMENTED
        var malformed = r.GetProperty("malformed").GetProperty("code").GetInt32();
        Assert.True(malformed is 3 or 13, $"malformed request gave status {malformed}");
        Assert.Equal(3, r.GetProperty("badAddress").GetProperty("code").GetInt32()); // INVALID_ARGUMENT (sdk code 7)
        var heights = r.GetProperty("blocks").GetProperty("heights").EnumerateArray().Select(h => h.GetInt64()).ToArray();
        Assert.Equal(3, heights.Length);
        Assert.Equal(heights[0] + 1, heights[1]);
        Assert.Equal(heights[1] + 1, heights[2]);
        Assert.Equal(1, r.GetProperty("blocks").GetProperty("endCode").GetInt32()); // CANCELLED by the client
        Assert.Equal(4, r.GetProperty("deadline").GetProperty("code").GetInt32()); // DEADLINE_EXCEEDED
        Assert.True(r.GetProperty("deadline").GetProperty("received").GetInt32() >= 1);
        Assert.Equal(3, r.GetProperty("badQuery").GetProperty("code").GetInt32());
        Assert.Equal(TestNode.ChainId, r.GetProperty("status").GetProperty("chainId").GetString());
        Assert.Equal("1000000000000", r.GetProperty("balanceAfterErrors").GetString());
    }
}
