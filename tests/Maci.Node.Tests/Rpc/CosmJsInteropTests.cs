using System.Text.Json;
using Maci.Node.Rpc;
using Maci.Node.Tests.Store;
using Maci.TestSupport;

namespace Maci.Node.Tests.Rpc;

/// <summary>Unmodified CosmJS (Comet38Client, StargateClient 0.39) against the RPC server, with blocks produced in the background.</summary>
public class CosmJsInteropTests
{
    [Fact]
    public async Task CosmJs_clients_decode_every_endpoint_and_follow_a_tx_to_inclusion()
    {
        var chain = new TestChain();
        for (var h = 1; h <= 3; h++) chain.Append([TestChain.Tx(h, 0), TestChain.Tx(h, 1)]);
        var backend = new FakeBackend(chain);
        await using var server = await RpcHttpServer.StartAsync(backend, new RpcServerOptions(Port: 0));
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(150);
                await backend.ProduceBlockAsync();
            }
        });

        string output;
        try
        {
            output = await NodeJs.RunCheckedAsync("node-rpc/cosmjs-client.mjs", [server.Address.ToString().TrimEnd('/')],
                timeout: TimeSpan.FromMinutes(2));
        }
        finally
        {
            stop.Cancel();
            await producer;
        }

        using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        Assert.True(r.GetProperty("isComet38").GetBoolean());
        Assert.Equal(TestChain.ChainId, r.GetProperty("chainId").GetString());
        Assert.Equal(Convert.ToHexString(chain.Factory.Key.Address), r.GetProperty("validatorAddress").GetString());
        Assert.True(r.GetProperty("block1LastBlockIdIsNull").GetBoolean());
        Assert.True(r.GetProperty("block1LastCommitIsNull").GetBoolean());
        Assert.True(r.GetProperty("blocksLinked").GetBoolean());
        Assert.Equal(1, r.GetProperty("block2LastCommitSignatures").GetInt32());
        Assert.Equal(2, r.GetProperty("block2Txs").GetInt32());
        Assert.Equal(2, r.GetProperty("blockResultsTxs").GetInt32());
        Assert.Equal("[\"50000\",\"50001\"]", r.GetProperty("blockResultsGasUsed").GetRawText());
        Assert.Equal(2, r.GetProperty("blockchainMetas").GetInt32());
        Assert.True(r.GetProperty("commitCanonical").GetBoolean());
        Assert.Equal(1, r.GetProperty("validatorsTotal").GetInt32());
        Assert.Equal(TestChain.ChainId, r.GetProperty("genesisChainId").GetString());
        Assert.Equal("[1,2,3]", r.GetProperty("queryValue").GetRawText());
        Assert.True(r.GetProperty("queryHeight").GetInt32() >= 3);
        Assert.Equal("[1,2,3]", r.GetProperty("blockSearchHeights").GetRawText());
        Assert.Equal(2, r.GetProperty("txSearchTotal").GetInt32());
        Assert.Equal("[\"message\",\"transfer\"]", r.GetProperty("txSearchEvents").GetRawText());
        Assert.Equal(r.GetProperty("txSearchAllTotal").GetInt32(), r.GetProperty("txSearchAllCount").GetInt32());
        Assert.True(r.GetProperty("txSearchAllTotal").GetInt32() >= 6);
        Assert.Equal(0, r.GetProperty("broadcastCode").GetInt32());
        Assert.True(r.GetProperty("broadcastFound").GetBoolean());
        Assert.True(r.GetProperty("txByHashMatchesSearch").GetBoolean());
        Assert.Equal(5, r.GetProperty("rejectedCode").GetInt32());
        Assert.Equal("sdk", r.GetProperty("rejectedCodespace").GetString());
        Assert.Contains("tx already exists in cache", r.GetProperty("duplicateError").GetString());
        Assert.Equal(TestChain.ChainId, r.GetProperty("stargateChainId").GetString());
        Assert.Equal(2, r.GetProperty("stargateBlockTxs").GetInt32());
        Assert.Equal("200000", r.GetProperty("stargateTxGasWanted").GetString());
        Assert.Equal(2, r.GetProperty("stargateSearchCount").GetInt32());
        Assert.True(r.GetProperty("wsNewBlockHeight").GetInt32() > 3);
        Assert.True(r.GetProperty("wsTxHashMatches").GetBoolean());
    }
}
