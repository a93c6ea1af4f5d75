using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Rpc;

public class HostChainBackendTests
{
    [Fact]
    public async Task Serves_status_info_and_query_through_the_dispatcher()
    {
        var chain = new TestChain();
        chain.Append([]);
        var (_, id2) = chain.Append([]);
        var queries = new List<string>();
        var backend = new HostChainBackend(
            new NodeInfo(NodeStatusBuilder.NodeId(chain.Factory.Key.PubKey), TestChain.ChainId, "host"),
            chain.Factory,
            new GenesisInfo(new ChainTime(0, 0), TestChain.ChainId, 1, chain.Factory.ConsensusParams, [], [0xAB], null),
            chain.Blocks, chain.Index, chain.BlockIndex,
            new TxMempool(new MempoolOptions(), (_, _, _) => ValueTask.FromResult(new CheckTxResult())),
            new EventBus(),
            _ => ValueTask.FromResult(new AbciInfo("app", "1", 3, 2, [0xCD])),
            (path, _, height, _, _) =>
            {
                queries.Add(path);
                return ValueTask.FromResult(path == "/missing"
                    ? new AbciQueryResponse(Code: 22, Log: "rpc error: code = NotFound desc = account x not found", Height: 2, Codespace: "sdk")
                    : new AbciQueryResponse(Value: [7], Height: height == 0 ? 2 : height));
            });
        var rpc = new RpcDispatcher(backend);

        using var status = JsonDocument.Parse(await rpc.CallAsync("status", RpcParams.Empty));
        Assert.Equal(Convert.ToHexString(id2.Hash), status.RootElement.GetProperty("sync_info").GetProperty("latest_block_hash").GetString());
        Assert.Equal(Convert.ToHexString(chain.Factory.Key.Address), status.RootElement.GetProperty("validator_info").GetProperty("address").GetString());
        using var info = JsonDocument.Parse(await rpc.CallAsync("abci_info", RpcParams.Empty));
        Assert.Equal("3", info.RootElement.GetProperty("response").GetProperty("app_version").GetString());
        using var missing = JsonDocument.Parse(await rpc.CallAsync("abci_query",
            RpcParams.FromUri([new("path", "\"/missing\""), new("data", "0x0a01")])));
        var response = missing.RootElement.GetProperty("response");
        Assert.Equal(22, response.GetProperty("code").GetInt32());
        Assert.Equal("sdk", response.GetProperty("codespace").GetString());
        Assert.StartsWith("rpc error: code = NotFound", response.GetProperty("log").GetString());
        Assert.Equal(["/missing"], queries);
        using var validators = JsonDocument.Parse(await rpc.CallAsync("validators", RpcParams.Empty));
        Assert.Equal("1", validators.RootElement.GetProperty("count").GetString());
    }
}
