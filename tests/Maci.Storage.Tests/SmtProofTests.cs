using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

public sealed class SmtProofTests
{
    private static (CommitStore Store, ModuleStoreKey Bank, Dictionary<int, byte[]> Values) Populated(int count)
    {
        var store = CommitStore.InMemory();
        var bank = store.RegisterModule("bank");
        var values = new Dictionary<int, byte[]>();
        var rng = new Random(17);
        for (var i = 0; i < count; i++)
        {
            var v = new byte[rng.Next(0, 40)];
            rng.NextBytes(v);
            values[i] = v;
            store.Working.Module(bank).Set(BitConverter.GetBytes(i), v);
        }
        store.Commit(1);
        return (store, bank, values);
    }

    [Fact]
    public void Every_present_key_has_a_verifying_membership_proof()
    {
        var (store, bank, values) = Populated(500);
        using var _ = store;
        using var snap = store.OpenSnapshot();
        foreach (var (i, v) in values)
        {
            var key = BitConverter.GetBytes(i);
            var (value, proof) = snap.GetWithProof(bank, key);
            Assert.Equal(v, value);
            Assert.True(SmtVerifier.VerifyMembership(snap.AppHash, bank.FullKey(key), v, proof));
            Assert.True(SmtVerifier.Verify(snap.AppHash, bank.FullKey(key), v, SmtProof.Parse(proof.ToBytes())));
            Assert.False(SmtVerifier.VerifyNonMembership(snap.AppHash, bank.FullKey(key), proof));
        }
    }

    [Fact]
    public void Absent_keys_have_verifying_non_membership_proofs_of_both_kinds()
    {
        var (store, bank, _) = Populated(300);
        using var _ = store;
        using var snap = store.OpenSnapshot();
        int endsInLeaf = 0, endsEmpty = 0;
        for (var i = 1000; i < 1400; i++)
        {
            var key = BitConverter.GetBytes(i);
            var proof = snap.GetProof(bank, key);
            Assert.True(SmtVerifier.VerifyNonMembership(snap.AppHash, bank.FullKey(key), proof));
            Assert.False(SmtVerifier.VerifyMembership(snap.AppHash, bank.FullKey(key), [], proof));
            if (proof.LeafKeyHash is null) endsEmpty++;
            else endsInLeaf++;
        }
        Assert.True(endsInLeaf > 0 && endsEmpty > 0, $"leaf-terminated {endsInLeaf}, empty-terminated {endsEmpty}");
    }

    [Fact]
    public void Tampered_proofs_values_and_roots_fail()
    {
        var (store, bank, values) = Populated(200);
        using var _ = store;
        using var snap = store.OpenSnapshot();
        var key = BitConverter.GetBytes(7);
        var full = bank.FullKey(key);
        var proof = snap.GetProof(bank, key);
        Assert.True(SmtVerifier.VerifyMembership(snap.AppHash, full, values[7], proof));

        Assert.False(SmtVerifier.VerifyMembership(snap.AppHash, full, [.. values[7], 0], proof));
        Assert.False(SmtVerifier.VerifyMembership(snap.AppHash, bank.FullKey(BitConverter.GetBytes(8)), values[7], proof));
        var otherRoot = (byte[])snap.AppHash.Clone();
        otherRoot[5] ^= 1;
        Assert.False(SmtVerifier.VerifyMembership(otherRoot, full, values[7], proof));

        var bytes = proof.ToBytes();
        for (var at = 4; at < bytes.Length; at += 13)
        {
            var bad = (byte[])bytes.Clone();
            bad[at] ^= 0x40;
            Assert.False(SmtVerifier.VerifyMembership(snap.AppHash, full, values[7], SmtProof.Parse(bad)), $"flipped byte {at}");
        }
        var shorter = new SmtProof(proof.Siblings.Skip(1).ToList(), proof.LeafKeyHash, proof.LeafValueHash);
        Assert.False(SmtVerifier.VerifyMembership(snap.AppHash, full, values[7], shorter));
        var longer = new SmtProof([.. proof.Siblings, new byte[32]], proof.LeafKeyHash, proof.LeafValueHash);
        Assert.False(SmtVerifier.VerifyMembership(snap.AppHash, full, values[7], longer));
        var asEmpty = new SmtProof(proof.Siblings, null, null);
        Assert.False(SmtVerifier.VerifyNonMembership(snap.AppHash, full, asEmpty));
    }

    [Fact]
    public void Empty_and_single_leaf_trees_prove_correctly()
    {
        using var store = CommitStore.InMemory();
        var bank = store.RegisterModule("bank");
        using (var empty = store.OpenSnapshot())
        {
            var proof = empty.GetProof(bank, B("x"));
            Assert.Empty(proof.Siblings);
            Assert.True(SmtVerifier.VerifyNonMembership(empty.AppHash, bank.FullKey(B("x")), proof));
        }
        store.Working.Module(bank).Set(B("only"), B("1"));
        store.Commit(1);
        using var one = store.OpenSnapshot();
        var member = one.GetProof(bank, B("only"));
        Assert.Empty(member.Siblings);
        Assert.True(SmtVerifier.VerifyMembership(one.AppHash, bank.FullKey(B("only")), B("1"), member));
        var absent = one.GetProof(bank, B("other"));
        Assert.True(SmtVerifier.VerifyNonMembership(one.AppHash, bank.FullKey(B("other")), absent));
    }

    [Fact]
    public void Proof_from_a_snapshot_stays_valid_for_its_height_after_later_commits()
    {
        var (store, bank, values) = Populated(50);
        using var _ = store;
        using var snap = store.OpenSnapshot();
        store.Working.Module(bank).Set(BitConverter.GetBytes(3), B("changed"));
        store.Commit(2);
        var proof = snap.GetProof(bank, BitConverter.GetBytes(3));
        Assert.True(SmtVerifier.VerifyMembership(snap.AppHash, bank.FullKey(BitConverter.GetBytes(3)), values[3], proof));
        Assert.False(SmtVerifier.VerifyMembership(store.LastCommitted.AppHash, bank.FullKey(BitConverter.GetBytes(3)), values[3], proof));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("02000000")]
    [InlineData("01020000")]
    [InlineData("01000001")]
    [InlineData("01000100")]
    [InlineData("0100000000")]
    [InlineData("01010000")]
    [InlineData("0100ffff")]
    public void Malformed_proof_bytes_are_rejected(string hex)
    {
        Assert.Throws<FormatException>(() => SmtProof.Parse(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Proof_bytes_round_trip()
    {
        var proof = new SmtProof([new byte[32], Enumerable.Repeat((byte)7, 32).ToArray()], new byte[32], Enumerable.Repeat((byte)1, 32).ToArray());
        var parsed = SmtProof.Parse(proof.ToBytes());
        Assert.Equal(proof, parsed);
        Assert.Equal(4 + 64 + 64, proof.ToBytes().Length);
        Assert.Equal(proof.ToBytes(), parsed.ToBytes());
    }
}
