using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Cosmos.Base.Abci.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.TestSupport;

namespace Maci.Abci.Tests.App;

/// <summary>Transactions built by CosmJS 0.39 itself (tests/js/cosmos/signtx.mjs) go through the app unchanged.</summary>
public sealed class CosmJsCompatibilityTests
{
    private const string Mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static readonly TestAccount Sender = TestAccount.FromMnemonic(Mnemonic);
    private static readonly TestAccount Receiver = TestAccount.FromSeed("receiver");

    private static async Task<(string Address, byte[] TxRaw, byte[] SimulateTx)> CosmJs(ulong sequence, ulong amount, ulong gas, ulong fee)
    {
        var request = new JsonObject
        {
            ["mnemonic"] = Mnemonic, ["prefix"] = "maci", ["chainId"] = "maci-devnet-1",
            ["accountNumber"] = 0, ["sequence"] = sequence, ["to"] = Receiver.Bech32,
            ["amount"] = amount, ["denom"] = "umaci", ["feeAmount"] = fee, ["gas"] = gas, ["memo"] = "from cosmjs",
        };
        var output = await NodeJs.RunCheckedAsync("cosmos/signtx.mjs", stdin: request.ToJsonString());
        var json = JsonNode.Parse(output)!;
        return ((string)json["address"]!, Convert.FromBase64String((string)json["txRaw"]!), Convert.FromBase64String((string)json["simulateTx"]!));
    }

    [Fact]
    public async Task Cosmjs_simulate_then_sign_and_broadcast_works_end_to_end()
    {
        using var h = new AppHarness([Sender]);
        var (address, _, simulateTx) = await CosmJs(0, 1234, 200_000, 500);
        Assert.Equal(Sender.Bech32, address);

        // what StargateClient.simulate sends
        var sim = h.Query("/cosmos.tx.v1beta1.Service/Simulate", new SimulateRequest { TxBytes = ByteString.CopyFrom(simulateTx) });
        Assert.Equal(0u, sim.Code);
        var gasUsed = SimulateResponse.Parser.ParseFrom(sim.Value).GasInfo.GasUsed;
        var gas = (ulong)Math.Ceiling(gasUsed * 1.4);

        var (_, txRaw, _) = await CosmJs(0, 1234, gas, (gas * 25 + 9_999) / 10_000);
        Assert.Equal(0u, h.CheckTx(txRaw).Code);
        var result = Assert.Single(h.Block(txRaw).TxResults);
        Assert.Equal(0u, result.Code);
        Assert.Equal("/cosmos.bank.v1beta1.MsgSendResponse", Assert.Single(TxMsgData.Parser.ParseFrom(result.Data).MsgResponses).TypeUrl);
        Assert.Equal(1234ul, h.Balance(Receiver.Bech32));
        Assert.Equal(1ul, h.Sequence(Sender));

        var (_, replay, _) = await CosmJs(0, 1, gas, 1000);
        Assert.Equal(32u, h.CheckTx(replay).Code);
    }
}
