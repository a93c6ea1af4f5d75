using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Abci.App;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Tendermint.Abci;
using Maci.TestSupport;

namespace Maci.Abci.Tests.Modules;

/// <summary>The devnet genesis (all four modules) in a fresh app, with its four documented keys.</summary>
public sealed class ModulesChain : IDisposable
{
    public const ulong GasLimit = 4_000_000, Fee = 10_000;

    public static readonly string[] Mnemonics =
    [
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
    ];

    private readonly ulong[] _sequences = new ulong[Mnemonics.Length];

    public ModulesChain(string? appState = null)
    {
        AppState = appState ?? DevnetAppState().ToJsonString();
        Harness = new AppHarness([], AppConfig.Devnet(), AppState);
        Keys = Mnemonics.Select(TestAccount.FromMnemonic).ToArray();
    }

    public static JsonObject DevnetAppState() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "genesis", "devnet.json")))!["app_state"]!.AsObject();

    public string AppState { get; }
    public AppHarness Harness { get; }
    public MaciApp App => Harness.App;
    public TestAccount[] Keys { get; }

    /// <summary>Block time of the next block (the harness advances 1 s per block from its genesis time).</summary>
    public long NextBlockTime => AppHarness.GenesisTime.ToUnixTimeSeconds() + Harness.Height + 1;

    /// <summary>Signs one tx by devnet key <paramref name="who"/> (account number = index) with the messages.</summary>
    public byte[] Tx(int who, params IMessage[] messages)
    {
        var tx = new SignedTx
        {
            Signer = Keys[who], AccountNumber = (ulong)who, Sequence = _sequences[who]++, Messages = messages,
            GasLimit = GasLimit, FeeAmount = Fee,
        };
        return tx.Bytes();
    }

    /// <summary>Runs one block with the txs and asserts every module invariant afterwards.</summary>
    public ResponseFinalizeBlock Block(params byte[][] txs)
    {
        var r = Harness.Block(txs);
        Assert.Null(App.CheckInvariants());
        return r;
    }

    /// <summary>One tx in its own block; returns its result.</summary>
    public ExecTxResult Run(int who, params IMessage[] messages) => Block(Tx(who, messages)).TxResults[0];

    public void Dispose() => Harness.Dispose();
}
