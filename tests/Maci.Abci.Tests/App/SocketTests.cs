using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.App;
using Maci.Abci.Tests.App.Support;
using Maci.Abci.Tests.Support;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;

namespace Maci.Abci.Tests.App;

/// <summary>The app behind the ABCI socket server, driven over the wire like CometBFT drives it.</summary>
public sealed class SocketTests
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");

    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Handshake_genesis_mempool_and_one_block_over_the_socket(string transport)
    {
        using var store = CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false });
        using var app = new MaciApp(AppConfig.Devnet(), store);
        await using var server = await TestServer.StartAsync(app, transport);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        Assert.Equal(0, (await comet.InfoAsync()).LastBlockHeight);
        var init = await comet.InitChainAsync(new RequestInitChain
        {
            ChainId = "maci-devnet-1",
            InitialHeight = 1,
            Time = Timestamp.FromDateTimeOffset(AppHarness.GenesisTime),
            AppStateBytes = ByteString.CopyFromUtf8(AppHarness.GenesisJson([Alice, Bob])),
        });
        Assert.Equal(32, init.AppHash.Length);
        await comet.FinalizeBlockAsync(new RequestFinalizeBlock { Height = 1, Time = Timestamp.FromDateTimeOffset(AppHarness.GenesisTime) });
        await comet.CommitAsync();

        var tx = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, 321)] }.Bytes();
        var pending = comet.QueueCheckTx(tx);
        var bad = comet.QueueCheckTx([1, 2, 3]);
        await comet.Mempool.FlushAsync();
        Assert.Equal(0u, (await pending).Code);
        Assert.Equal(2u, (await bad).Code);

        var prepare = new RequestPrepareProposal { Height = 2, MaxTxBytes = 1 << 20, Time = Timestamp.FromDateTimeOffset(AppHarness.GenesisTime.AddSeconds(2)) };
        prepare.Txs.AddRange([ByteString.CopyFrom(tx), ByteString.CopyFrom([1, 2, 3])]);
        var proposal = await comet.PrepareProposalAsync(prepare);
        Assert.Single(proposal.Txs);
        var process = new RequestProcessProposal { Height = 2, Time = prepare.Time };
        process.Txs.AddRange(proposal.Txs);
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, (await comet.ProcessProposalAsync(process)).Status);

        var finalize = new RequestFinalizeBlock { Height = 2, Time = prepare.Time };
        finalize.Txs.AddRange(proposal.Txs);
        var result = await comet.FinalizeBlockAsync(finalize);
        Assert.Equal(0u, Assert.Single(result.TxResults).Code);
        await comet.CommitAsync();

        var info = await comet.InfoAsync();
        Assert.Equal(2, info.LastBlockHeight);
        Assert.Equal(result.AppHash, info.LastBlockAppHash);
        var query = await comet.QueryAsync(new RequestQuery
        {
            Path = "/cosmos.bank.v1beta1.Query/Balance",
            Data = new QueryBalanceRequest { Address = Bob.Bech32, Denom = "umaci" }.ToByteString(),
        });
        Assert.Equal(2, query.Height);
        Assert.Equal((AppHarness.StartBalance + 321).ToString(), QueryBalanceResponse.Parser.ParseFrom(query.Value).Balance.Amount);
    }
}
