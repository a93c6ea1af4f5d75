using Google.Protobuf;
using Maci.Abci.App;
using Maci.Abci.Tests.App.Support;
using Maci.Abci.Tests.Crash;
using Maci.Abci.Tests.Support;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;
using static Maci.Proto.Tendermint.Abci.ResponseProcessProposal.Types;

namespace Maci.Abci.Tests.Conformance;

/// <summary>
/// The real app behind the socket server, driven over CometBFT's four connections in CometBFT's order with
/// signed devnet transactions; every response is checked against what CometBFT requires of it.
/// </summary>
public sealed class MaciAppConformanceTests
{
    private static readonly TestAccount[] Keys = ChainScript.Keys;

    private static byte[] Send(int from, ulong seq, ulong amount = 10, bool corrupt = false) => new SignedTx
    {
        Signer = Keys[from],
        AccountNumber = (ulong)from,
        Sequence = seq,
        Messages = [SignedTx.Send(Keys[from], Keys[(from + 1) % Keys.Length].Bech32, amount)],
        CorruptSignature = corrupt,
    }.Bytes();

    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Comet_order_over_four_connections_with_signed_txs_recheck_and_queries(string transport)
    {
        using var store = CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false });
        using var app = new MaciApp(AppConfig.Devnet(), store);
        await using var server = await TestServer.StartAsync(app, transport);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);
        foreach (var connection in comet.All)
            Assert.Equal(connection.Name, await CometLikeClient.EchoAsync(connection, connection.Name));

        // Handshake: Info on the query connection, InitChain at height 0 on the consensus connection.
        var info = await comet.InfoAsync();
        Assert.Equal(0, info.LastBlockHeight);
        Assert.True(info.LastBlockAppHash.IsEmpty);
        Assert.False(string.IsNullOrEmpty(info.Version));
        var init = await comet.InitChainAsync(ChainScript.InitChain());
        Assert.Equal(32, init.AppHash.Length);
        Assert.Empty((await comet.ListSnapshotsAsync()).Snapshots);

        // Height 1: empty block.
        await BlockAsync(comet, 1, [], []);

        // Mempool: pipelined CheckTx then one Flush; responses in order.
        byte[][] good = [Send(0, 0), Send(1, 0), Send(2, 0), Send(3, 0, amount: 5_000_000_000_000), Send(0, 1)];
        byte[][] bad = [Send(1, 1, corrupt: true), Send(2, 7), [0xff, 0x01]];
        var checks = good.Concat(bad).Select(tx => comet.QueueCheckTx(tx)).ToArray();
        await comet.Mempool.FlushAsync();
        var codes = (await Task.WhenAll(checks)).Select(r => r.Code).ToArray();
        Assert.Equal([0u, 0u, 0u, 0u, 0u, 4u, 32u, 2u], codes);
        Assert.Equal(checks.Length + 3, comet.Mempool.ResponsesReceived); // + the Echo with its Flush, + this Flush
        Assert.All(await Task.WhenAll(checks.Take(good.Length)), r => Assert.Equal(200_000, r.GasWanted));

        // Height 2 takes the first four; Send(0, 1) stays in the mempool.
        var results = await BlockAsync(comet, 2, good[..4], [0u, 0u, 0u, 5u]);
        Assert.All(results.TxResults, r => Assert.True(r.GasUsed > 0 && r.GasUsed <= r.GasWanted));
        Assert.False(results.TxResults[0].Data.IsEmpty);

        // RECHECK after Commit, pipelined like the mempool's update: the included txs now fail, the leftover passes.
        var rechecks = good.Select(tx => comet.QueueCheckTx(tx, CheckTxType.Recheck)).ToArray();
        await comet.Mempool.FlushAsync();
        Assert.Equal([32u, 32u, 32u, 32u, 0u], (await Task.WhenAll(rechecks)).Select(r => r.Code));

        // Queries answer at the last committed height.
        var balance = await comet.QueryAsync(new RequestQuery
        {
            Path = "/cosmos.bank.v1beta1.Query/Balance",
            Data = new QueryBalanceRequest { Address = Keys[1].Bech32, Denom = "umaci" }.ToByteString(),
        });
        Assert.Equal(0u, balance.Code);
        Assert.Equal(2, balance.Height);
        var account = await comet.QueryAsync(new RequestQuery
        {
            Path = "/cosmos.auth.v1beta1.Query/Account",
            Data = new QueryAccountRequest { Address = Keys[0].Bech32 }.ToByteString(),
        });
        Assert.Equal(2, account.Height);
        Assert.Equal(1ul, BaseAccount.Parser.ParseFrom(QueryAccountResponse.Parser.ParseFrom(account.Value).Account.Value).Sequence);
        var future = await comet.QueryAsync(new RequestQuery { Path = "/cosmos.bank.v1beta1.Query/Balance", Height = 9,
            Data = new QueryBalanceRequest { Address = Keys[1].Bech32, Denom = "umaci" }.ToByteString() });
        Assert.NotEqual(0u, future.Code);

        // A proposal with a bad tx is REJECTed (never UNKNOWN); one with a garbage tx too.
        foreach (var badTx in bad)
        {
            var process = new RequestProcessProposal { Height = 3, Time = ChainScript.Time(3) };
            process.Txs.AddRange([ByteString.CopyFrom(good[4]), ByteString.CopyFrom(badTx)]);
            Assert.Equal(ProposalStatus.Reject, (await comet.ProcessProposalAsync(process)).Status);
        }

        // Vote extensions: the defaults CometBFT accepts.
        Assert.True((await comet.ExtendVoteAsync(new RequestExtendVote { Height = 3 })).VoteExtension.IsEmpty);
        Assert.Equal(ResponseVerifyVoteExtension.Types.VerifyStatus.Accept,
            (await comet.VerifyVoteExtensionAsync(new RequestVerifyVoteExtension { Height = 3 })).Status);

        // Height 3: the proposer's PrepareProposal drops the invalid txs it is offered.
        await BlockAsync(comet, 3, [good[4], .. bad], [0u], expectedProposal: [good[4]]);
        Assert.Equal(3, (await comet.InfoAsync()).LastBlockHeight);
    }

    /// <summary>PrepareProposal → ProcessProposal → FinalizeBlock → Commit → Info, checking each response.</summary>
    private static async Task<ResponseFinalizeBlock> BlockAsync(
        CometLikeClient comet, long height, byte[][] offered, uint[] expectedCodes, byte[][]? expectedProposal = null)
    {
        var prepare = new RequestPrepareProposal { Height = height, Time = ChainScript.Time(height), MaxTxBytes = 1 << 20 };
        prepare.Txs.AddRange(offered.Select(ByteString.CopyFrom));
        var proposal = await comet.PrepareProposalAsync(prepare);
        Assert.Equal((expectedProposal ?? offered).Select(ByteString.CopyFrom), proposal.Txs);

        var process = new RequestProcessProposal { Height = height, Time = prepare.Time };
        process.Txs.AddRange(proposal.Txs);
        var status = (await comet.ProcessProposalAsync(process)).Status;
        Assert.NotEqual(ProposalStatus.Unknown, status);
        Assert.Equal(ProposalStatus.Accept, status);

        var finalize = new RequestFinalizeBlock { Height = height, Time = prepare.Time };
        finalize.Txs.AddRange(proposal.Txs);
        var result = await comet.FinalizeBlockAsync(finalize);
        Assert.Equal(proposal.Txs.Count, result.TxResults.Count);
        Assert.Equal(expectedCodes, result.TxResults.Select(r => r.Code));
        Assert.Equal(32, result.AppHash.Length);

        var before = await comet.InfoAsync();
        Assert.Equal(height - 1, before.LastBlockHeight); // FinalizeBlock does not persist
        await comet.CommitAsync();
        var after = await comet.InfoAsync();
        Assert.Equal(height, after.LastBlockHeight);
        Assert.Equal(result.AppHash, after.LastBlockAppHash);
        return result;
    }
}
