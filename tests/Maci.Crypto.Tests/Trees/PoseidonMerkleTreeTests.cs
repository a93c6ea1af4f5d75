using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Tests.Support;
using Maci.Crypto.Trees;

namespace Maci.Crypto.Tests.Trees;

public class PoseidonMerkleTreeTests
{
    // amaci-protocol §3.1: ZEROS_H10 (state tree, zero leaf H10(0×10)) and ZEROS (zero leaf 0), levels 0..9 / 0..11.
    private static readonly string[] ZerosH10 =
    [
        "26318ec8cdeef483522c15e9b226314ae39b86cde2a430dabf6ed19791917c47", "28413250bf1cc56fabffd2fa32b52624941da885248fd1e015319e02c02abaf2",
        "16738da97527034e095ac32bfab88497ca73a7b310a2744ab43971e82215cb6d", "28140849348769fde6e971eec1424a5a162873a3d8adcbfdfc188e9c9d25faa3",
        "1a07af159d19f68ed2aed0df224dabcc2e2321595968769f7c9e26591377ed9a", "205cd249acba8f95f2e32ed51fa9c3d8e6f0d021892225d3efa9cd84c8fc1cad",
        "0b21c625cd270e71c2ee266c939361515e690be27e26cfc852a30b24e83504b0", "07afcc90cde2f45682df00da8e4cc107f9a53881c42ebc49c983c4c28559932b",
        "06f5db1bd3b5139e46bb61cbcadb68c90f4c577c4c5c4a771af1f6517f1f91a4", "1fcdecf7e78d4e167944cf76c1b1d60efeae81c733dc45b7903d013ec4946a7a",
    ];

    private static readonly string[] Zeros =
    [
        "0", "2066be41bebe6caf7e079360abe14fbf9118c62eabc42e2fe75e342b160a95bc", "2a956d37d8e73692877b104630a08cc6840036f235f2134b0606769a369d85c1",
        "2f9791ba036a4148ff026c074e713a4824415530dec0f0b16c5115aa00e4b825", "2c41a7294c7ef5c9c5950dc627c55a00adb6712548bcbd6cd8569b1f2e5acc2a",
        "2594ba68eb0f314eabbeea1d847374cc2be7965944dec513746606a1f2fadf2e", "05c697158c9032bfd7041223a7dba696396388129118ae8f867266eb64fe7636",
        "272b3425fcc3b2c45015559b9941fde27527aab5226045bf9b0a6c1fe902d601", "268d82cc07023a1d5e7c987cbd0328b34762c9ea21369bea418f08b71b16846a",
        "2e002d67c30ee0a2bd5fdecc4fb81646ecd6eb0746f5ff2d9b1d1b522a4a3f68", "0f14c3fb900b66f523694106f7fc3cbec1f5eee571f047a9eb05bef717d3e064",
        "0d14b45c0e1f64503a143581a25197e022ff9448c190d76938c3567690edac3d",
    ];

    [Fact]
    public void ZeroHashesMatchTheProtocolTables()
    {
        var h10 = PoseidonMerkleTree.ZeroHashes(5, 9, PoseidonHash.Hash10(new Fr[10]));
        Assert.Equal(ZerosH10.Select(z => Num.F("0x" + z)), h10);
        var zeros = PoseidonMerkleTree.ZeroHashes(5, 11, Fr.Zero);
        Assert.Equal(Zeros.Select(z => Num.F("0x" + z)), zeros);
        Assert.Equal(h10[9], PoseidonMerkleTree.Quinary(9, h10[0]).Root);
    }

    [Fact]
    public void DepthNineTreeStoresOnlyTouchedNodes()
    {
        var store = new InMemoryTreeNodeStore();
        var tree = PoseidonMerkleTree.Quinary(9, PoseidonHash.Hash10(new Fr[10]), store);
        Assert.Equal(1_953_125, tree.Capacity);
        tree.Insert(Fr.FromUInt64(1));
        tree.Insert(Fr.FromUInt64(2));
        tree.Update(1_953_124, Fr.FromUInt64(3));
        // Leaf 0 and its 9 ancestors, leaf 1 (same ancestors), leaf 1,953,124 and 8 ancestors below the shared root.
        Assert.Equal(20, store.Count);
        Assert.Equal(1_953_125, tree.NextIndex);
        Assert.Throws<InvalidOperationException>(() => tree.Insert(Fr.One));

        var leaves = new Fr[1_953_125];
        leaves[0] = Fr.FromUInt64(1);
        leaves[1] = Fr.FromUInt64(2);
        // ComputeRoot pads with the zero leaf; only check the first two leaves against a fresh sparse tree.
        var fresh = PoseidonMerkleTree.Quinary(9, PoseidonHash.Hash10(new Fr[10]));
        fresh.Insert(leaves[0]);
        fresh.Insert(leaves[1]);
        Assert.Equal(fresh.Root, PoseidonMerkleTree.ComputeRoot(5, 9, PoseidonHash.Hash10(new Fr[10]), leaves.AsSpan(0, 2)));
        Assert.NotEqual(fresh.Root, tree.Root);
    }

    [Fact]
    public void ReopeningOnTheSameStoreKeepsTheRoot()
    {
        var store = new InMemoryTreeNodeStore();
        var tree = PoseidonMerkleTree.Quinary(4, Fr.Zero, store);
        for (ulong i = 0; i < 30; i++) tree.Insert(Fr.FromUInt64(i * i + 1));
        var reopened = PoseidonMerkleTree.Quinary(4, Fr.Zero, store, nextIndex: 30);
        Assert.Equal(tree.Root, reopened.Root);
        Assert.Equal(Fr.FromUInt64(26), reopened.GetLeaf(5));
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(5, 3)]
    public void ProofsVerifyAndRejectTampering(int arity, int depth)
    {
        var tree = new PoseidonMerkleTree(arity, depth, Fr.Zero, new InMemoryTreeNodeStore());
        var rng = new Random(arity * 100 + depth);
        for (var i = 0; i < 17; i++) tree.Update(rng.Next((int)tree.Capacity), Num.F(Num.Below(rng, Num.R)));
        foreach (var index in new long[] { 0, 3, tree.Capacity - 1 })
        {
            var proof = tree.GetProof(index);
            Assert.True(PoseidonMerkleTree.VerifyProof(arity, tree.Root, proof));
            Assert.False(PoseidonMerkleTree.VerifyProof(arity, tree.Root, proof with { Leaf = proof.Leaf + Fr.One }));
            Assert.False(PoseidonMerkleTree.VerifyProof(arity, tree.Root, proof with { LeafIndex = (index + 1) % tree.Capacity }));
            var elements = proof.PathElements.Select(e => (Fr[])e.Clone()).ToArray();
            elements[depth - 1][0] += Fr.One;
            Assert.False(PoseidonMerkleTree.VerifyProof(arity, tree.Root, proof with { PathElements = elements }));
        }
        Assert.Equal(PoseidonMerkleTree.ComputeRoot(arity, depth, Fr.Zero,
            Enumerable.Range(0, (int)tree.Capacity).Select(i => tree.GetLeaf(i)).ToArray()), tree.Root);
    }

    [Fact]
    public void HeapIndicesFollowTheContractLayout()
    {
        Assert.Equal(0, PoseidonMerkleTree.HeapIndex(5, 2, 2, 0));
        Assert.Equal(1, PoseidonMerkleTree.HeapIndex(5, 2, 1, 0));
        Assert.Equal(6, PoseidonMerkleTree.HeapIndex(5, 2, 0, 0));
        Assert.Equal(30, PoseidonMerkleTree.HeapIndex(5, 2, 0, 24));
        Assert.Equal((1_953_125 - 1) / 4 + 7, PoseidonMerkleTree.HeapIndex(5, 9, 0, 7));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoseidonMerkleTree(6, 2, Fr.Zero, new InMemoryTreeNodeStore()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoseidonMerkleTree(1, 2, Fr.Zero, new InMemoryTreeNodeStore()));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoseidonMerkleTree.Quinary(-1, Fr.Zero));
        var tree = PoseidonMerkleTree.Quinary(2, Fr.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Update(25, Fr.One));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.GetLeaf(-1));
        Assert.Throws<ArgumentException>(() => PoseidonMerkleTree.ComputeRoot(5, 1, Fr.Zero, new Fr[6]));
        Assert.False(PoseidonMerkleTree.VerifyProof(5, tree.Root, tree.GetProof(3) with { PathIndices = [9, 0] }));
    }
}
