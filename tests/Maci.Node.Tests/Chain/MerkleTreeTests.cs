using Maci.Node.Chain;

namespace Maci.Node.Tests.Chain;

public class MerkleTreeTests
{
    // Known answers from CometBFT's crypto/merkle tree tests.
    [Theory]
    [InlineData(new string[0], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(new[] { "010203" }, "054edec1d0211f624fed0cbca9d4f9400b0e491c43742af2c5b0abebf0c990d8")]
    [InlineData(new[] { "" }, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(new[] { "010203", "040506" }, "82e6cfce00453804379b53962939eaa7906b39904be0813fcadd31b100773c4b")]
    [InlineData(new[] { "0102", "0304", "0506", "0708", "090a" }, "f326493eceab4f2d9ffbc78c59432a0a005d6ea98392045c74df5d14a113be18")]
    public void Root_matches_cometbft_vectors(string[] leavesHex, string expected)
    {
        var leaves = leavesHex.Select(Convert.FromHexString).ToArray();
        Assert.Equal(expected, Convert.ToHexString(MerkleTree.Root(leaves)).ToLowerInvariant());
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 4)]
    [InlineData(8, 4)]
    [InlineData(9, 8)]
    public void Split_point_is_largest_power_of_two_below_n(int n, int expected) =>
        Assert.Equal(expected, MerkleTree.SplitPoint(n));

    [Fact]
    public void Three_leaves_split_two_then_one()
    {
        byte[][] leaves = [[1], [2], [3]];
        var expected = MerkleTree.InnerHash(
            MerkleTree.InnerHash(MerkleTree.LeafHash(leaves[0]), MerkleTree.LeafHash(leaves[1])),
            MerkleTree.LeafHash(leaves[2]));
        Assert.Equal(expected, MerkleTree.Root(leaves));
    }
}
