using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.Tests.App.Support;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;
using Maci.TestSupport;

namespace Maci.Abci.Tests.Crash;

/// <summary>
/// A short devnet chain driven the way CometBFT drives the app: the handshake, then per height the mempool
/// (pipelined CheckTx + Flush), PrepareProposal, ProcessProposal, FinalizeBlock and Commit; and the replay
/// CometBFT does after a restart (FinalizeBlock + Commit of the decided blocks above the app's height).
/// </summary>
public static class ChainScript
{
    public const string ChainId = "maci-devnet-1";
    public static readonly DateTimeOffset GenesisTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TestAccount[] Keys =
    [
        TestAccount.FromMnemonic("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"),
        TestAccount.FromMnemonic("legal winner thank year wave sausage worth useful legal winner thank yellow"),
        TestAccount.FromMnemonic("letter advice cage absurd amount doctor acoustic avoid letter advice cage above"),
        TestAccount.FromMnemonic("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong"),
    ];

    public static RequestInitChain InitChain()
    {
        var genesis = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "genesis", "devnet.json")))!;
        return new RequestInitChain
        {
            ChainId = ChainId,
            InitialHeight = 1,
            Time = Timestamp.FromDateTimeOffset(GenesisTime),
            AppStateBytes = ByteString.CopyFromUtf8(genesis["app_state"]!.ToJsonString()),
        };
    }

    /// <summary>
    /// Block 1 is empty (genesis becomes visible to CheckTx at its Commit); every later block holds three good
    /// sends and one whose message fails (insufficient funds) but still pays its fee.
    /// </summary>
    public static byte[][] Txs(long height)
    {
        if (height == 1) return [];
        var seq = (ulong)(height - 2);
        var txs = new byte[Keys.Length][];
        for (var i = 0; i < Keys.Length; i++)
        {
            var amount = i == 3 ? 5_000_000_000_000ul : 1_000 + (ulong)(height * 10 + i);
            txs[i] = new SignedTx
            {
                Signer = Keys[i],
                AccountNumber = (ulong)i,
                Sequence = seq,
                Messages = [SignedTx.Send(Keys[i], Keys[(i + 1) % Keys.Length].Bech32, amount)],
            }.Bytes();
        }
        return txs;
    }

    public static Timestamp Time(long height) => Timestamp.FromDateTimeOffset(GenesisTime.AddSeconds(height));

    /// <summary>Info, and InitChain when the app is at height 0. Returns the app's height.</summary>
    public static async Task<long> HandshakeAsync(CometLikeClient comet)
    {
        var info = await comet.InfoAsync();
        if (info.LastBlockHeight == 0)
        {
            Assert.True(info.LastBlockAppHash.IsEmpty);
            var init = await comet.InitChainAsync(InitChain());
            Assert.Equal(32, init.AppHash.Length);
        }
        return info.LastBlockHeight;
    }

    /// <summary>
    /// One height through the mempool and the proposal steps; the decided txs go to <paramref name="decided"/>,
    /// the FinalizeBlock response to <paramref name="results"/> as soon as it arrives (before Commit).
    /// </summary>
    public static async Task ProduceAsync(
        CometLikeClient comet, long height, IDictionary<long, ByteString[]> decided, IDictionary<long, ResponseFinalizeBlock> results)
    {
        var txs = Txs(height);
        var checks = txs.Select(tx => comet.QueueCheckTx(tx)).ToArray();
        await comet.Mempool.FlushAsync();
        foreach (var check in checks) Assert.Equal(0u, (await check).Code);

        var prepare = new RequestPrepareProposal { Height = height, Time = Time(height), MaxTxBytes = 1 << 20 };
        prepare.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        var proposal = await comet.PrepareProposalAsync(prepare);
        Assert.Equal(txs.Length, proposal.Txs.Count);
        var process = new RequestProcessProposal { Height = height, Time = Time(height) };
        process.Txs.AddRange(proposal.Txs);
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, (await comet.ProcessProposalAsync(process)).Status);
        decided[height] = [.. proposal.Txs];
        await FinalizeAndCommitAsync(comet, height, decided[height], results);
    }

    public static async Task FinalizeAndCommitAsync(
        CometLikeClient comet, long height, IEnumerable<ByteString> txs, IDictionary<long, ResponseFinalizeBlock> results)
    {
        var finalize = new RequestFinalizeBlock { Height = height, Time = Time(height) };
        finalize.Txs.AddRange(txs);
        var result = await comet.FinalizeBlockAsync(finalize);
        Assert.Equal(finalize.Txs.Count, result.TxResults.Count);
        results[height] = result;
        await comet.CommitAsync();
    }
}
