using Maci.Node.Query;

namespace Maci.Node.Tests.Store;

public class BlockIndexerTests
{
    [Fact]
    public void Searches_block_height_and_indexed_block_events()
    {
        var chain = new TestChain();
        for (var h = 1; h <= 5; h++) chain.Append([]);
        Assert.Equal([2L, 4L], chain.BlockIndex.SearchAll(EventQuery.Parse("mint.phase='even'")));
        Assert.Equal([3L, 5L], chain.BlockIndex.SearchAll(EventQuery.Parse("mint.phase='odd' AND block.height > 1")));
        Assert.Empty(chain.BlockIndex.SearchAll(EventQuery.Parse("mint.note='n'")));
        Assert.Equal(5, chain.BlockIndex.SearchAll(EventQuery.Parse("mint EXISTS")).Count);
        var (page, total) = chain.BlockIndex.Search(EventQuery.Parse("block.height >= 1"), page: 2, perPage: 2, orderBy: "desc");
        Assert.Equal(5, total);
        Assert.Equal([3L, 2L], page);
        Assert.Throws<ArgumentException>(() => chain.BlockIndex.Search(EventQuery.Parse("block.height >= 1"), page: 4, perPage: 2));
    }
}
