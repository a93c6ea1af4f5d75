using System.Numerics;
using System.Text.Json.Nodes;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Tests.Support;
using static Maci.Crypto.Tests.Support.ReferenceOracle;

namespace Maci.Crypto.Tests.EdDsa;

/// <summary>Seeded random keys, messages and points checked against @zk-kit/eddsa-poseidon and @zk-kit/baby-jubjub.</summary>
public class EdDsaReferenceCrossCheckTests
{
    private static JsonArray P(BabyJubjubPoint p) => Strings([p.X.ToString(), p.Y.ToString()]);

    private static string[] Xy(BabyJubjubPoint p) => [p.X.ToString(), p.Y.ToString()];

    private static string Packed(BabyJubjubPoint p)
    {
        var b = new byte[32];
        p.Pack(b);
        return Num.FromLittleEndian(b).ToString();
    }

    [Fact]
    public async Task KeysSignaturesPackingAndEcdhMatchZkKit()
    {
        var rng = new Random(1_100);
        var keys = Enumerable.Range(0, 10).Select(i => { var k = new byte[1 + rng.Next(40)]; rng.NextBytes(k); return k; }).ToList();
        var messages = keys.Select((_, i) => i == 0 ? Num.R - 1 : Num.Below(rng, Num.R)).ToList();
        var randomPacked = Enumerable.Range(0, 12).Select(_ => Num.Below(rng, BigInteger.One << 256)).ToList();

        var ops = new List<JsonObject>();
        foreach (var (k, m) in keys.Zip(messages))
        {
            var hex = Convert.ToHexStringLower(k);
            ops.Add(Op("derive", ("key", hex)));
            ops.Add(Op("sign", ("key", hex), ("msg", m.ToString())));
        }
        // Our signatures verified by zk-kit, valid and with S off by one.
        var ours = keys.Zip(messages).Select(km => (Sig: EdDsaPoseidon.Sign(km.First, Num.F(km.Second)), Pub: EdDsaPoseidon.DerivePublicKey(km.First), Msg: km.Second)).ToList();
        foreach (var o in ours)
        {
            ops.Add(Op("verify", ("msg", o.Msg.ToString()), ("r8", P(o.Sig.R8)), ("s", o.Sig.S.ToString()), ("pub", P(o.Pub))));
            ops.Add(Op("verify", ("msg", o.Msg.ToString()), ("r8", P(o.Sig.R8)), ("s", ((o.Sig.S.ToBigInteger() + 1) % Num.L).ToString()), ("pub", P(o.Pub))));
        }
        foreach (var v in randomPacked) ops.Add(Op("unpack", ("packed", v.ToString())));
        for (var i = 0; i + 1 < keys.Count; i++)
            ops.Add(Op("ecdh", ("key", Convert.ToHexStringLower(keys[i])), ("pub", P(ours[i + 1].Pub))));

        var res = await RunAsync(ops);
        var at = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var derived = res[at++]!.AsObject();
            Assert.Equal(derived["scalar"]!.GetValue<string>(), EdDsaPoseidon.DeriveSecretScalar(keys[i]).ToString());
            var pub = EdDsaPoseidon.DerivePublicKey(keys[i]);
            Assert.Equal(StringArray(derived["pub"]), Xy(pub));
            Assert.Equal(derived["packed"]!.GetValue<string>(), Packed(pub));
            var signed = res[at++]!.AsObject();
            var sig = ours[i].Sig;
            Assert.Equal(StringArray(signed["r8"]), Xy(sig.R8));
            Assert.Equal(signed["s"]!.GetValue<string>(), sig.S.ToString());
        }
        foreach (var o in ours)
        {
            Assert.True(res[at++]!.GetValue<bool>());
            Assert.False(res[at++]!.GetValue<bool>());
            Assert.False(EdDsaPoseidon.Verify(Num.F(o.Msg), o.Sig with { S = Num.F((o.Sig.S.ToBigInteger() + 1) % Num.L) }, o.Pub));
        }
        foreach (var v in randomPacked)
        {
            var expected = res[at++];
            var ok = BabyJubjubPoint.TryUnpack(Num.LittleEndian(v, 32), out var point);
            if (expected is null)
                Assert.False(ok, $"zk-kit refuses {v}");
            else
            {
                Assert.True(ok, $"zk-kit unpacks {v}");
                Assert.Equal(StringArray(expected), Xy(point));
                Assert.Equal(v, BigInteger.Parse(Packed(point)));
            }
        }
        for (var i = 0; i + 1 < keys.Count; i++)
        {
            var shared = BabyJubjubPoint.Multiply(ours[i + 1].Pub, EdDsaPoseidon.DeriveSecretScalar(keys[i]));
            Assert.Equal(StringArray(res[at++]), Xy(shared));
        }
    }
}
