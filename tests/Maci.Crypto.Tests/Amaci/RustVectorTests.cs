using System.Text.Json;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Encryption;
using Maci.Crypto.Amaci;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Tests.Support;
using Maci.Crypto.Trees;

namespace Maci.Crypto.Tests.Amaci;

/// <summary>Every case of tests/fixtures/dora-crypto/test-vectors-rust.json (Dora's maci-crypto crate output).</summary>
public class RustVectorTests
{
    private const string File = "test-vectors-rust.json";

    public static TheoryData<string> Names(string kind) => new(DoraCryptoVectors.OfKind(File, kind).Select(v => v.Name));

    private static JsonElement Get(string name) => DoraCryptoVectors.Load(File).Single(v => v.Name == name).Data;

    private static System.Numerics.BigInteger PackedValue(BabyJubjubPoint p)
    {
        var b = new byte[32];
        p.Pack(b);
        return Num.FromLittleEndian(b);
    }

    [Fact]
    public void FixtureHoldsOnlyTheKindsCoveredHere()
    {
        var kinds = DoraCryptoVectors.Load(File).Select(v => v.Kind).Distinct().Order().ToArray();
        Assert.Equal(["amaci_deactivate_root", "amaci_encrypt", "amaci_rerandomize", "amaci_static_random_key", "ecdh",
            "keypair", "keypair_comparison", "pack", "rerandomize", "tree"], kinds);
    }

    [Theory]
    [MemberData(nameof(Names), "keypair")]
    public void Keypair(string name)
    {
        var d = Get(name);
        var kp = MaciKeypair.FromPrivateKey(d.Big("priv_key"));
        if (d.TryGetProperty("formatted_priv_key", out _)) Assert.Equal(d.Field("formatted_priv_key"), kp.SecretScalar);
        Assert.Equal(d.Point("pub_key"), kp.PublicKey);
        Assert.Equal(d.Big("packed_pub_key"), PackedValue(kp.PublicKey));
    }

    [Theory]
    [MemberData(nameof(Names), "keypair_comparison")]
    public void KeypairComparison(string name)
    {
        var d = Get(name);
        foreach (var side in new[] { "keypair", "keys_keypair" })
        {
            var e = d.GetProperty(side);
            var kp = MaciKeypair.FromPrivateKey(e.Big("priv_key"));
            Assert.Equal(e.Field("formatted_priv_key"), kp.SecretScalar);
            Assert.Equal(e.Point("pub_key"), kp.PublicKey);
            if (e.TryGetProperty("commitment", out _))
                Assert.Equal(e.Field("commitment"), AmaciHashes.PublicKeyHash(kp.PublicKey));
        }
    }

    [Theory]
    [MemberData(nameof(Names), "ecdh")]
    public void EcdhSharedKey(string name)
    {
        var d = Get(name);
        var a = MaciKeypair.FromPrivateKey(d.GetProperty("keypair1").Big("priv_key"));
        var b = MaciKeypair.FromPrivateKey(d.GetProperty("keypair2").Big("priv_key"));
        Assert.Equal(d.GetProperty("keypair1").Point("pub_key"), a.PublicKey);
        Assert.Equal(d.GetProperty("keypair2").Point("pub_key"), b.PublicKey);
        if (d.GetProperty("keypair1").TryGetProperty("formatted_priv_key", out _))
            Assert.Equal(d.GetProperty("keypair1").Field("formatted_priv_key"), a.SecretScalar);
        var shared = d.Point("shared_key");
        Assert.Equal(shared, a.SharedKey(b.PublicKey));
        Assert.Equal(shared, b.SharedKey(a.PublicKey));
        foreach (var other in new[] { "shared_key_reciprocal", "shared_key_with_public_key", "shared_key_with_public_key_reciprocal" })
            if (d.TryGetProperty(other, out var e)) Assert.Equal(shared, e.Point());
    }

    [Theory]
    [MemberData(nameof(Names), "pack")]
    public void Pack(string name)
    {
        var d = Get(name);
        var i = d.GetProperty("input");
        var packed = CommandPacking.Pack((uint)i.Big("nonce"), (uint)i.Big("state_idx"), (uint)i.Big("vo_idx"),
            (UInt128)i.Big("new_votes"), (uint)i.Big("poll_id"));
        Assert.Equal(d.Field("packed"), packed);
        CommandPacking.Unpack(packed, out var nonce, out var stateIdx, out var voIdx, out var votes, out var pollId);
        var u = d.GetProperty("unpacked");
        Assert.Equal(u.Big("nonce"), nonce);
        Assert.Equal(u.Big("state_idx"), stateIdx);
        Assert.Equal(u.Big("vo_idx"), voIdx);
        Assert.Equal(u.Big("new_votes"), (System.Numerics.BigInteger)votes);
        Assert.Equal(u.Big("poll_id"), pollId);
    }

    [Theory]
    [MemberData(nameof(Names), "tree")]
    public void Tree(string name)
    {
        var d = Get(name);
        var arity = d.GetProperty("degree").GetInt32();
        var depth = d.GetProperty("depth").GetInt32();
        var leaves = d.GetProperty("leaves").EnumerateArray().Select(e => Num.F(e.GetString()!)).ToArray();
        var expected = d.Field("root");
        Assert.Equal(expected, PoseidonMerkleTree.ComputeRoot(arity, depth, d.Field("zero"), leaves));
        var tree = new PoseidonMerkleTree(arity, depth, d.Field("zero"), new InMemoryTreeNodeStore());
        foreach (var leaf in leaves) tree.Insert(leaf);
        Assert.Equal(expected, tree.Root);
    }

    [Theory]
    [MemberData(nameof(Names), "rerandomize")]
    public void Rerandomize(string name)
    {
        var d = Get(name);
        var ct = d.GetProperty("ciphertext");
        var (d1, d2) = ElGamal.Rerandomize(d.Point("pub_key"), ct.Point("c1"), ct.Point("c2"), d.Field("random_val"));
        var r = d.GetProperty("rerandomized");
        Assert.Equal(r.Point("c1"), d1);
        Assert.Equal(r.Point("c2"), d2);
        Assert.Equal(ct.Field("x_increment"), r.Field("x_increment"));
    }

    [Theory]
    [MemberData(nameof(Names), "amaci_static_random_key")]
    public void StaticRandomKeys(string name)
    {
        var d = Get(name);
        var op = MaciKeypair.FromPrivateKey(d.Big("operator_priv_key"));
        Assert.Equal(d.Field("operator_formatted_priv_key"), op.SecretScalar);
        Assert.Equal(d.Point("operator_pub_key"), op.PublicKey);
        Assert.Equal(AmaciHashes.DeactivateRandomSalt, (ulong)d.Big("salt"));
        foreach (var key in d.GetProperty("keys").EnumerateObject())
            Assert.Equal(Num.F(key.Value.GetString()!), AmaciHashes.StaticRandomKey(op.PrivateKey, d.Field("salt"), Num.F(key.Name)));
    }

    [Theory]
    [MemberData(nameof(Names), "amaci_encrypt")]
    public void EncryptParity(string name)
    {
        var d = Get(name);
        var odd = d.GetProperty("is_odd").GetBoolean();
        var ct = ElGamal.EncryptParity(odd, d.Point("pub_key"), d.Field("random_key"));
        var e = d.GetProperty("ciphertext");
        Assert.Equal(new ElGamalCiphertext(e.Point("c1"), e.Point("c2"), e.Field("x_increment")), ct);
        // The operator key of this file is derived from raw key 12345 (amaci_static_random_keys).
        var op = MaciKeypair.FromPrivateKey(12345);
        Assert.Equal(op.PublicKey, d.Point("pub_key"));
        Assert.Equal(odd, ElGamal.DecryptsOdd(op.SecretScalar, ct.C1, ct.C2));
        Assert.Equal(Fr.FromUInt64(ElGamal.EncodedValue), ElGamal.DecryptValue(op.SecretScalar, ct));
    }

    [Theory]
    [MemberData(nameof(Names), "amaci_rerandomize")]
    public void AmaciRerandomize(string name)
    {
        var d = Get(name);
        var ct = d.GetProperty("original_ciphertext");
        var (d1, d2) = ElGamal.Rerandomize(d.Point("pub_key"), ct.Point("c1"), ct.Point("c2"), d.Field("random_val"));
        var r = d.GetProperty("rerandomized");
        Assert.Equal(r.Point("d1"), d1);
        Assert.Equal(r.Point("d2"), d2);
        // Re-randomising keeps the plaintext, hence the parity the circuits read.
        var op = MaciKeypair.FromPrivateKey(12345);
        Assert.Equal(ElGamal.DecryptPoint(op.SecretScalar, ct.Point("c1"), ct.Point("c2")), ElGamal.DecryptPoint(op.SecretScalar, d1, d2));
    }

    [Theory]
    [MemberData(nameof(Names), "amaci_deactivate_root")]
    public void DeactivateRoot(string name)
    {
        var d = Get(name);
        var coordinator = MaciKeypair.FromPrivateKey(d.Big("coordinator_seed"));
        Assert.Equal(d.Point("coordinator_pub_key"), coordinator.PublicKey);
        var accounts = d.GetProperty("accounts").EnumerateArray().Select(e => e.Point()).ToArray();
        var deactivates = d.GetProperty("deactivates").EnumerateArray().ToArray();
        var leaves = d.GetProperty("leaves").EnumerateArray().Select(e => Num.F(e.GetString()!)).ToArray();
        Assert.Equal(accounts.Length, deactivates.Length);
        var depth = d.GetProperty("tree_depth").GetInt32();
        Assert.Equal(d.GetProperty("state_tree_depth").GetInt32() + 2, depth);
        var tree = PoseidonMerkleTree.Quinary(depth, Fr.Zero);
        for (var i = 0; i < accounts.Length; i++)
        {
            var e = deactivates[i];
            var c1 = new BabyJubjubPoint(e.Field("c1_x"), e.Field("c1_y"));
            var c2 = new BabyJubjubPoint(e.Field("c2_x"), e.Field("c2_y"));
            var shared = coordinator.SharedKey(accounts[i]);
            Assert.Equal(e.Field("shared_key_hash"), PoseidonHash.Hash2(shared.X, shared.Y));
            Assert.False(ElGamal.DecryptsOdd(coordinator.SecretScalar, c1, c2), "pre-deactivate leaves are encrypted even (active)");
            Assert.Equal(leaves[i], AmaciHashes.DeactivateLeaf(c1, c2, shared));
            tree.Insert(leaves[i]);
        }
        Assert.Equal(d.Field("root"), tree.Root);
        Assert.Equal(d.Field("root"), PoseidonMerkleTree.ComputeRoot(5, depth, Fr.Zero, leaves));
    }
}
