using Maci.Node.Chain;

namespace Maci.Node.Tests.Store;

public class BlockStoreTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stores_and_loads_blocks_ids_commits_and_results(bool batched)
    {
        // MemKvStore takes the atomic-batch path; the plain IKvStore takes direct writes.
        var chain = new TestChain(batched ? new Maci.Storage.MemKvStore() : new SortedMemKvStore());
        var (b1, id1) = chain.Append([TestChain.Tx(1, 0)]);
        var (b2, id2) = chain.Append([TestChain.Tx(2, 0), TestChain.Tx(2, 1)]);

        Assert.Equal(1, chain.Blocks.Base);
        Assert.Equal(2, chain.Blocks.Height);
        var loaded = chain.Blocks.LoadBlock(2)!;
        Assert.Equal(b2.Encode(), loaded.Encode());
        Assert.Equal(id2.Hash, chain.Blocks.LoadBlockId(2)!.Hash);
        Assert.Equal(2, chain.Blocks.HeightByHash(id2.Hash));
        Assert.Equal(1, chain.Blocks.HeightByHash(id1.Hash));
        Assert.Null(chain.Blocks.LoadBlock(3));
        Assert.Null(chain.Blocks.HeightByHash(new byte[32]));
        Assert.Equal(2, chain.Blocks.LoadResults(2)!.TxResults.Count);
        var meta = chain.Blocks.LoadMeta(2)!;
        Assert.Equal(2, meta.NumTxs);
        Assert.Equal(b2.Encode().Length, meta.BlockSize);
    }

    [Fact]
    public void Chain_links_hashes_like_cometbft()
    {
        var chain = new TestChain();
        var (b1, id1) = chain.Append([]);
        var (b2, _) = chain.Append([TestChain.Tx(2, 0)]);

        Assert.True(b1.Header.LastBlockId.IsZero);
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(b1.Header.LastCommitHash));
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(b1.Header.DataHash));
        Assert.Equal(id1.Hash, b2.Header.LastBlockId.Hash);
        Assert.Equal(id1.Hash, b2.LastCommit.BlockId.Hash);
        Assert.Equal(b2.LastCommit.ComputeHash(), b2.Header.LastCommitHash);
        Assert.Equal(MerkleTree.Root([TxHash.Compute(TestChain.Tx(2, 0))]), b2.Header.DataHash);
        Assert.Equal(1u, id1.PartSetHeader.Total);
        Assert.Equal(MerkleTree.Root([b1.Encode()]), id1.PartSetHeader.Hash);
    }

    [Fact]
    public void Commit_signature_verifies_over_canonical_vote()
    {
        var chain = new TestChain();
        var (_, id) = chain.Append([]);
        var commit = chain.Blocks.LoadCommit(1)!;
        var sig = commit.Signatures.Single();
        Assert.Equal(BlockIdFlag.Commit, sig.Flag);
        var signBytes = CometProto.PrecommitSignBytes(TestChain.ChainId, 1, 0, id, sig.Timestamp);
        Assert.True(ValidatorKey.Verify(chain.Factory.Key.PubKey, signBytes, sig.Signature));
    }

    [Fact]
    public void Rejects_gaps_and_mismatched_results()
    {
        var chain = new TestChain();
        var (b1, id1) = chain.Append([]);
        var results = new BlockResults(1, [], [], [], null, []);
        Assert.Throws<InvalidOperationException>(() => chain.Blocks.SaveBlock(b1, id1, chain.Factory.MakeCommit(1, id1, b1.Header.Time), results));
        var b3 = b1 with { Header = b1.Header with { Height = 3 } };
        Assert.Throws<ArgumentException>(() => chain.Blocks.SaveBlock(b3, id1, chain.Factory.MakeCommit(3, id1, b1.Header.Time), results));
    }

    [Fact]
    public void Large_block_splits_into_64k_parts()
    {
        var chain = new TestChain();
        var (b, id) = chain.Append([new byte[70_000]]);
        Assert.Equal(2u, id.PartSetHeader.Total);
        var enc = b.Encode();
        Assert.Equal(MerkleTree.Root([enc[..65536], enc[65536..]]), id.PartSetHeader.Hash);
    }
}
