using System.Text.Json;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.EdDsa;

/// <summary>Every case of tests/fixtures/dora-crypto/eddsa-poseidon-test-vectors.json.</summary>
public class EdDsaVectorTests
{
    private const string File = "eddsa-poseidon-test-vectors.json";

    public static TheoryData<string> Names(string kind) => new(DoraCryptoVectors.OfKind(File, kind).Select(v => v.Name));

    private static JsonElement Get(string name) => DoraCryptoVectors.Load(File).Single(v => v.Name == name).Data;

    [Fact]
    public void FixtureHoldsOnlyTheKindsCoveredHere()
    {
        var kinds = DoraCryptoVectors.Load(File).Select(v => v.Kind).Distinct().Order().ToArray();
        Assert.Equal(["derivePublicKey", "keypairModule", "packSignature", "sdkKeys", "signVerify"], kinds);
    }

    [Theory]
    [MemberData(nameof(Names), "derivePublicKey")]
    public void DerivePublicKey(string name)
    {
        var d = Get(name);
        var key = Convert.FromHexString(d.Str("private_key_bytes"));
        Assert.Equal(d.Field("secret_scalar"), EdDsaPoseidon.DeriveSecretScalar(key));
        Assert.Equal(d.Point("public_key"), EdDsaPoseidon.DerivePublicKey(key));
    }

    [Theory]
    [MemberData(nameof(Names), "signVerify")]
    public void SignVerify(string name)
    {
        var d = Get(name);
        var key = Convert.FromHexString(d.Str("private_key_bytes"));
        var message = d.Field("message");
        var sig = d.GetProperty("signature");
        var expected = new EdDsaSignature(sig.Point("r8"), sig.Field("s"));
        Assert.Equal(expected, EdDsaPoseidon.Sign(key, message));
        Assert.Equal(d.GetProperty("valid").GetBoolean(), EdDsaPoseidon.Verify(message, expected, d.Point("public_key")));
    }

    [Theory]
    [MemberData(nameof(Names), "packSignature")]
    public void PackSignature(string name)
    {
        var d = Get(name);
        var sig = d.GetProperty("signature");
        var signature = new EdDsaSignature(sig.Point("r8"), sig.Field("s"));
        var packed = new byte[EdDsaSignature.PackedSize];
        signature.Pack(packed);
        Assert.Equal(d.Str("packed"), Convert.ToHexStringLower(packed));
        Assert.True(EdDsaSignature.TryUnpack(packed, out var back));
        Assert.Equal(signature, back);
    }

    [Theory]
    [MemberData(nameof(Names), "sdkKeys")]
    public void SdkKeys(string name)
    {
        var d = Get(name);
        var reduced = d.Big("priv_key") % Num.R;
        Assert.Equal(d.Big("priv_key_mod_snark"), reduced);
        var key = Num.MinimalBigEndian(reduced);
        Assert.Equal(d.Field("formatted_priv_key"), EdDsaPoseidon.DeriveSecretScalar(key));
        var pub = EdDsaPoseidon.DerivePublicKey(key);
        Assert.Equal(d.Point("pub_key"), pub);
        var packed = new byte[32];
        pub.Pack(packed);
        Assert.Equal(d.Big("packed_pub_key"), Num.FromLittleEndian(packed));
    }

    [Theory]
    [MemberData(nameof(Names), "keypairModule")]
    public void KeypairModule(string name)
    {
        var d = Get(name);
        var key = Num.MinimalBigEndian(d.Big("priv_key") % Num.R);
        Assert.Equal(d.Field("secret_scalar"), EdDsaPoseidon.DeriveSecretScalar(key));
        var pub = EdDsaPoseidon.DerivePublicKey(key);
        Assert.Equal(d.Point("pub_key"), pub);
        // The Rust crate's identity commitment is H2(pub.x, pub.y).
        Assert.Equal(d.Field("commitment"), Maci.Crypto.Poseidon.PoseidonHash.Hash2(pub.X, pub.Y));
    }
}
