using System.Numerics;
using System.Text.Json.Nodes;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Encryption;
using Maci.Crypto.Tests.Support;
using static Maci.Crypto.Tests.Support.ReferenceOracle;

namespace Maci.Crypto.Tests.Encryption;

public class PoseidonCipherTests
{
    private static readonly BabyJubjubPoint Key = EdDsaPoseidon.DerivePublicKey([9, 9, 9]);

    private static Fr[] Encrypt(Fr[] plaintext, BabyJubjubPoint key, Fr nonce)
    {
        var ct = new Fr[PoseidonCipher.CiphertextLength(plaintext.Length)];
        PoseidonCipher.Encrypt(plaintext, key, nonce, ct);
        return ct;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 7)]
    [InlineData(7, 10)]
    public void CiphertextLengthIsThreeBlocksPlusOne(int length, int expected) =>
        Assert.Equal(expected, PoseidonCipher.CiphertextLength(length));

    [Fact]
    public void RoundTripsAndDetectsTampering()
    {
        var msg = Enumerable.Range(1, 7).Select(i => Fr.FromUInt64((ulong)i * 1000)).ToArray();
        var nonce = Fr.FromUInt64(5);
        var ct = Encrypt(msg, Key, nonce);
        var back = new Fr[7];
        Assert.True(PoseidonCipher.TryDecrypt(ct, Key, nonce, 7, back));
        Assert.Equal(msg, back);

        var bad = (Fr[])ct.Clone();
        bad[^1] += Fr.One;
        Assert.False(PoseidonCipher.TryDecrypt(bad, Key, nonce, 7, back));
        Assert.False(PoseidonCipher.TryDecrypt(ct, Key, Fr.FromUInt64(6), 7, back));
        Assert.False(PoseidonCipher.TryDecrypt(ct, EdDsaPoseidon.DerivePublicKey([1]), nonce, 7, back));
        // Without the check a wrong key still "decrypts" (to garbage), as the circuit does.
        PoseidonCipher.DecryptWithoutCheck(bad, Key, nonce, 7, back);
        Assert.Equal(msg, back);
    }

    [Fact]
    public void BadArgumentsGiveClearErrors()
    {
        var msg = new[] { Fr.One };
        var nonceTooBig = Num.F(BigInteger.One << 128);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Encrypt(msg, Key, nonceTooBig));
        Assert.Contains("2^128", ex.Message);
        Assert.Throws<ArgumentException>(() => PoseidonCipher.Encrypt(msg, Key, Fr.Zero, new Fr[3]));
        Assert.Throws<ArgumentException>(() => PoseidonCipher.TryDecrypt(new Fr[9], Key, Fr.Zero, 7, new Fr[7]));
        Assert.Throws<ArgumentException>(() => PoseidonCipher.TryDecrypt(new Fr[10], Key, Fr.Zero, 7, new Fr[6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoseidonCipher.CiphertextLength(-1));
    }

    [Fact]
    public async Task MatchesZkKitPoseidonCipher()
    {
        var rng = new Random(3232);
        var cases = Enumerable.Range(0, 12).Select(i =>
        {
            var len = 1 + i % 8;
            var msg = Enumerable.Range(0, len).Select(_ => Num.Below(rng, Num.R)).ToArray();
            var key = BabyJubjubPoint.Multiply(BabyJubjubPoint.Base8, Num.F(Num.Below(rng, Num.L)));
            var nonce = i % 3 == 0 ? (BigInteger.One << 128) - 1 : Num.Below(rng, BigInteger.One << 128);
            return (Msg: msg, Key: key, Nonce: nonce);
        }).ToList();

        var ops = new List<JsonObject>();
        foreach (var c in cases)
        {
            var key = Strings([c.Key.X.ToString(), c.Key.Y.ToString()]);
            ops.Add(Op("encrypt", ("msg", Strings(c.Msg.Select(m => m.ToString()))), ("key", key), ("nonce", c.Nonce.ToString())));
            // A ciphertext of ours with its last element changed: zk-kit must refuse it too.
            var ours = Encrypt(c.Msg.Select(Num.F).ToArray(), c.Key, Num.F(c.Nonce));
            ours[^1] += Fr.One;
            ops.Add(Op("decrypt", ("ct", Strings(ours.Select(x => x.ToString()))), ("key", (JsonNode)key.DeepClone()),
                ("nonce", c.Nonce.ToString()), ("length", c.Msg.Length)));
        }
        var res = await RunAsync(ops);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var ct = Encrypt(c.Msg.Select(Num.F).ToArray(), c.Key, Num.F(c.Nonce));
            Assert.Equal(StringArray(res[2 * i]), ct.Select(x => x.ToString()).ToArray());
            Assert.True(IsError(res[2 * i + 1]), Describe(res[2 * i + 1]));
            var back = new Fr[c.Msg.Length];
            Assert.True(PoseidonCipher.TryDecrypt(ct, c.Key, Num.F(c.Nonce), c.Msg.Length, back));
            Assert.Equal(c.Msg, back.Select(b => b.ToBigInteger()).ToArray());
        }
    }
}
