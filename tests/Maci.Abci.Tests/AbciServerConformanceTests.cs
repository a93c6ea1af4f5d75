using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;
using Maci.Proto.Tendermint.Types;

namespace Maci.Abci.Tests;

/// <summary>The kvstore application driven over the socket the way CometBFT drives an app, over TCP and Unix sockets.</summary>
public class AbciServerConformanceTests
{
    private static readonly Timestamp GenesisTime = new() { Seconds = 1_700_000_000 };

    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Handshake_then_three_heights_commit_and_are_visible_to_queries(string transport)
    {
        var app = new KvStoreApplication();
        await using var server = await TestServer.StartAsync(app, transport);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var info = await comet.InfoAsync();
        Assert.Equal(0, info.LastBlockHeight);
        Assert.True(info.LastBlockAppHash.IsEmpty);

        var init = await comet.InitChainAsync(new RequestInitChain
        {
            Time = GenesisTime,
            ChainId = "maci-test",
            InitialHeight = 1,
            ConsensusParams = new ConsensusParams { Block = new BlockParams { MaxBytes = 22020096, MaxGas = -1 } },
            AppStateBytes = ByteString.CopyFromUtf8("genesis=yes\n"),
        });
        Assert.Equal(32, init.AppHash.Length);

        ByteString lastAppHash = init.AppHash;
        for (var height = 1; height <= 3; height++)
        {
            var candidates = new[] { $"k{height}=v{height}", "not-a-kv-tx", $"shared=h{height}" }
                .Select(ByteString.CopyFromUtf8).ToList();
            var prepared = await comet.PrepareProposalAsync(new RequestPrepareProposal
            {
                Height = height,
                Time = new Timestamp { Seconds = GenesisTime.Seconds + height },
                MaxTxBytes = 1 << 20,
                Txs = { candidates },
                LocalLastCommit = new ExtendedCommitInfo(),
            });
            Assert.Equal(new[] { $"k{height}=v{height}", $"shared=h{height}" }, prepared.Txs.Select(t => t.ToStringUtf8()));

            var processed = await comet.ProcessProposalAsync(new RequestProcessProposal
            {
                Height = height,
                Txs = { prepared.Txs },
                Hash = ByteString.CopyFrom(new byte[32]),
                ProposedLastCommit = new CommitInfo(),
            });
            Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, processed.Status);

            var finalized = await comet.FinalizeBlockAsync(new RequestFinalizeBlock
            {
                Height = height,
                Txs = { prepared.Txs },
                DecidedLastCommit = new CommitInfo { Round = 0 },
            });
            Assert.Equal(prepared.Txs.Count, finalized.TxResults.Count);
            Assert.All(finalized.TxResults, r => Assert.Equal(KvStoreApplication.CodeOk, r.Code));
            Assert.Equal("kv_set", finalized.TxResults[0].Events[0].Type);
            Assert.Equal($"k{height}", finalized.TxResults[0].Events[0].Attributes[0].Value);
            Assert.NotEqual(lastAppHash, finalized.AppHash);
            lastAppHash = finalized.AppHash;

            var commit = await comet.CommitAsync();
            Assert.Equal(0, commit.RetainHeight);
        }

        info = await comet.InfoAsync();
        Assert.Equal(3, info.LastBlockHeight);
        Assert.Equal(lastAppHash, info.LastBlockAppHash);

        var query = await comet.QueryAsync(new RequestQuery { Data = ByteString.CopyFromUtf8("shared") });
        Assert.Equal(KvStoreApplication.CodeOk, query.Code);
        Assert.Equal("h3", query.Value.ToStringUtf8());
        Assert.Equal(3, query.Height);
        var genesis = await comet.QueryAsync(new RequestQuery { Data = ByteString.CopyFromUtf8("genesis") });
        Assert.Equal("yes", genesis.Value.ToStringUtf8());
        var missing = await comet.QueryAsync(new RequestQuery { Data = ByteString.CopyFromUtf8("nope") });
        Assert.Equal(KvStoreApplication.CodeNotFound, missing.Code);
    }

    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Pipelined_check_tx_is_answered_in_order_after_flush(string transport)
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), transport);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        const int count = 500;
        var pending = new List<Task<ResponseCheckTx>>(count);
        for (var i = 0; i < count; i++)
        {
            var tx = i % 7 == 3 ? $"bad{i}" : $"key{i}=value{i}";
            pending.Add(comet.QueueCheckTx(System.Text.Encoding.UTF8.GetBytes(tx), i % 2 == 0 ? CheckTxType.New : CheckTxType.Recheck));
        }
        // The client matches responses FIFO and fails on a type mismatch, so the Flush response completing means
        // every CheckTx response came before it, in order.
        await comet.Mempool.FlushAsync();

        for (var i = 0; i < count; i++)
        {
            var response = await pending[i];
            var bad = i % 7 == 3;
            Assert.Equal(bad ? KvStoreApplication.CodeInvalidTx : KvStoreApplication.CodeOk, response.Code);
            var type = i % 2 == 0 ? CheckTxType.New : CheckTxType.Recheck;
            Assert.Equal(bad ? $"{type}:" : $"{type}:key{i}", response.Info);
        }
        Assert.Equal(count + 1, comet.Mempool.ResponsesReceived);
    }

    [Fact]
    public async Task Responses_stay_buffered_until_a_flush_request()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var first = comet.QueueCheckTx("a=1"u8.ToArray());
        var second = comet.QueueCheckTx("b=2"u8.ToArray());
        await comet.Mempool.SendBufferedAsync();
        await Task.Delay(200);
        Assert.Equal(0, comet.Mempool.ResponsesReceived);

        await comet.Mempool.FlushAsync();
        Assert.Equal("New:a", (await first).Info);
        Assert.Equal("New:b", (await second).Info);
    }

    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Echo_works_on_all_four_connections(string transport)
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), transport);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        foreach (var connection in comet.All)
        {
            Assert.Equal($"hello {connection.Name}", await CometLikeClient.EchoAsync(connection, $"hello {connection.Name}"));
        }
        Assert.Equal(string.Empty, await CometLikeClient.EchoAsync(comet.Query, string.Empty));
        Assert.Equal(4, server.ActiveConnections);
    }

    [Fact]
    public async Task Default_snapshot_and_vote_extension_answers_are_none_abort_empty_accept()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        Assert.Empty((await comet.ListSnapshotsAsync()).Snapshots);
        var offer = await comet.OfferSnapshotAsync(new RequestOfferSnapshot
        {
            Snapshot = new Snapshot { Height = 10, Format = 1, Chunks = 2, Hash = ByteString.CopyFromUtf8("h") },
            AppHash = ByteString.CopyFromUtf8("app"),
        });
        Assert.Equal(ResponseOfferSnapshot.Types.Result.Abort, offer.Result);
        var chunk = await comet.LoadSnapshotChunkAsync(new RequestLoadSnapshotChunk { Height = 10, Format = 1, Chunk = 0 });
        Assert.True(chunk.Chunk.IsEmpty);
        var apply = await comet.ApplySnapshotChunkAsync(new RequestApplySnapshotChunk { Index = 0, Chunk = ByteString.CopyFromUtf8("x") });
        Assert.Equal(ResponseApplySnapshotChunk.Types.Result.Abort, apply.Result);

        var extension = await comet.ExtendVoteAsync(new RequestExtendVote { Height = 1, Hash = ByteString.CopyFrom(new byte[32]) });
        Assert.True(extension.VoteExtension.IsEmpty);
        var verify = await comet.VerifyVoteExtensionAsync(new RequestVerifyVoteExtension { Height = 1 });
        Assert.Equal(ResponseVerifyVoteExtension.Types.VerifyStatus.Accept, verify.Status);
    }

    [Fact]
    public async Task Process_proposal_with_an_invalid_tx_is_rejected_not_unknown()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var processed = await comet.ProcessProposalAsync(new RequestProcessProposal
        {
            Height = 1,
            Txs = { ByteString.CopyFromUtf8("a=1"), ByteString.CopyFromUtf8("garbage") },
        });
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Reject, processed.Status);
    }

    [Fact]
    public async Task Finalize_block_gives_one_result_per_tx_including_failed_ones()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Unix);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var finalized = await comet.FinalizeBlockAsync(new RequestFinalizeBlock
        {
            Height = 1,
            Txs = { ByteString.CopyFromUtf8("a=1"), ByteString.CopyFromUtf8("junk"), ByteString.CopyFromUtf8("b=2") },
        });
        Assert.Equal(
            new[] { KvStoreApplication.CodeOk, KvStoreApplication.CodeInvalidTx, KvStoreApplication.CodeOk },
            finalized.TxResults.Select(r => r.Code));
    }

    [Fact]
    public async Task Large_messages_with_multi_byte_lengths_cross_the_socket()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var value = new string('x', 3 * 1024 * 1024);
        var big = System.Text.Encoding.UTF8.GetBytes("big=" + value);
        var check = comet.QueueCheckTx(big);
        await comet.Mempool.FlushAsync();
        Assert.Equal(KvStoreApplication.CodeOk, (await check).Code);
        Assert.Equal("New:big", (await check).Info);

        var finalized = await comet.FinalizeBlockAsync(new RequestFinalizeBlock { Height = 1, Txs = { ByteString.CopyFrom(big) } });
        Assert.Single(finalized.TxResults);
        await comet.CommitAsync();
        var query = await comet.QueryAsync(new RequestQuery { Data = ByteString.CopyFromUtf8("big") });
        Assert.Equal(value.Length, query.Value.Length);
    }

    [Fact]
    public async Task Connections_are_served_concurrently()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var mempool = Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                var batch = Enumerable.Range(0, 25).Select(i => comet.QueueCheckTx("k=v"u8.ToArray())).ToList();
                await comet.Mempool.FlushAsync();
                foreach (var r in batch)
                {
                    Assert.Equal(KvStoreApplication.CodeOk, (await r).Code);
                }
            }
        });
        var queries = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(0, (await comet.InfoAsync()).LastBlockHeight);
            }
        });
        var consensus = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal($"c{i}", await CometLikeClient.EchoAsync(comet.Consensus, $"c{i}"));
            }
        });
        await Task.WhenAll(mempool, queries, consensus).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
