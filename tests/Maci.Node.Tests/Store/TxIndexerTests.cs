using Maci.Node.Chain;
using Maci.Node.Query;

namespace Maci.Node.Tests.Store;

public class TxIndexerTests
{
    private static TestChain ChainWith(int blocks, int txsPerBlock)
    {
        var chain = new TestChain();
        for (var h = 1; h <= blocks; h++)
            chain.Append(Enumerable.Range(0, txsPerBlock).Select(i => TestChain.Tx(h, i)).ToArray());
        return chain;
    }

    [Fact]
    public void Finds_tx_by_hash_in_any_hex_case()
    {
        var chain = ChainWith(2, 2);
        var hash = TxHash.Compute(TestChain.Tx(2, 1));
        var upper = chain.Index.SearchAll(EventQuery.Parse($"tx.hash='{Convert.ToHexString(hash)}'"));
        var lower = chain.Index.SearchAll(EventQuery.Parse($"tx.hash='{Convert.ToHexString(hash).ToLowerInvariant()}'"));
        Assert.Single(upper);
        Assert.Equal((2L, 1u), (upper[0].Height, upper[0].Index));
        Assert.Equal(TestChain.Tx(2, 1), upper[0].Tx);
        Assert.Single(lower);
        Assert.Empty(chain.Index.SearchAll(EventQuery.Parse("tx.hash='ZZ'")));
        Assert.Empty(chain.Index.SearchAll(EventQuery.Parse($"tx.hash='{Convert.ToHexString(hash)}' AND tx.height=1")));
        Assert.Equal(50_001, chain.Index.Get(hash)!.Result.GasUsed);
    }

    [Fact]
    public void Searches_by_height_and_indexed_attributes()
    {
        var chain = ChainWith(4, 3);
        Assert.Equal(3, chain.Index.SearchAll(EventQuery.Parse("tx.height=2")).Count);
        Assert.Equal(6, chain.Index.SearchAll(EventQuery.Parse("tx.height>2")).Count);
        Assert.Equal(9, chain.Index.SearchAll(EventQuery.Parse("tx.height<=3")).Count);
        var senders = chain.Index.SearchAll(EventQuery.Parse("message.sender='sender1'"));
        Assert.Equal(4, senders.Count);
        Assert.All(senders, t => Assert.Equal(1u, t.Index));
        var both = chain.Index.SearchAll(EventQuery.Parse("message.sender='sender0' AND tx.height>=3"));
        Assert.Equal([(3L, 0u), (3L, 2u), (4L, 0u), (4L, 2u)], both.Select(t => (t.Height, t.Index)).ToArray());
        Assert.Equal(4, chain.Index.SearchAll(EventQuery.Parse("transfer.amount > 31")).Count); // 32, 40, 41, 42 (suffix "stake" ignored)
    }

    [Fact]
    public void Unindexed_attributes_and_tm_event_are_not_searchable()
    {
        var chain = ChainWith(1, 1);
        Assert.Empty(chain.Index.SearchAll(EventQuery.Parse("message.module='bank'")));
        Assert.Empty(chain.Index.SearchAll(EventQuery.Parse("tm.event='Tx'")));
        Assert.Single(chain.Index.SearchAll(EventQuery.Parse("message EXISTS")));
        Assert.Single(chain.Index.SearchAll(EventQuery.Parse("message.sender CONTAINS 'der0'")));
    }

    [Fact]
    public void Pages_with_exact_total_and_order()
    {
        var chain = ChainWith(5, 10);
        var q = EventQuery.Parse("tx.height>0");
        var p1 = chain.Index.Search(q);
        Assert.Equal(50, p1.TotalCount);
        Assert.Equal(30, p1.Txs.Count);
        var p2 = chain.Index.Search(q, page: 2);
        Assert.Equal(20, p2.Txs.Count);
        Assert.Equal((4L, 0u), (p2.Txs[0].Height, p2.Txs[0].Index));
        var desc = chain.Index.Search(q, page: 1, perPage: 3, orderBy: "desc");
        Assert.Equal([(5L, 9u), (5L, 8u), (5L, 7u)], desc.Txs.Select(t => (t.Height, t.Index)).ToArray());
        Assert.Equal(50, chain.Index.Search(q, perPage: 1000).Txs.Count); // capped at 100 per page
        var e = Assert.Throws<ArgumentException>(() => chain.Index.Search(q, page: 3));
        Assert.Equal("page should be within [1, 2] range, given 3", e.Message);
        Assert.Throws<ArgumentException>(() => chain.Index.Search(q, orderBy: "up"));
        var none = chain.Index.Search(EventQuery.Parse("tx.height>99"), page: 1);
        Assert.Equal(0, none.TotalCount);
        Assert.Empty(none.Txs);
    }
}
