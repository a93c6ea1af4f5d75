using System.Numerics;
using System.Security.Cryptography;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Crypto.Tests.Groth16;

public sealed class InputHashTests
{
    [Fact]
    public void Matches_sha256_of_packed_words_reduced_mod_r()
    {
        var words = DoraFixtures.Words(DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == "processMessage").Inputs);
        var packed = words.SelectMany(w => w.ToBigInteger().ToByteArray(isUnsigned: true, isBigEndian: true) is var b
            ? new byte[32 - b.Length].Concat(b) : []).ToArray();
        Assert.Equal(32 * words.Length, packed.Length);
        var expected = new BigInteger(SHA256.HashData(packed), isUnsigned: true, isBigEndian: true) % Fr.Modulus;
        Assert.Equal(expected, InputHash.Compute(words).ToBigInteger());
    }

    [Fact]
    public void Empty_and_large_word_lists()
    {
        var expectedEmpty = new BigInteger(SHA256.HashData([]), isUnsigned: true, isBigEndian: true) % Fr.Modulus;
        Assert.Equal(expectedEmpty, InputHash.Compute([]).ToBigInteger());
        var many = Enumerable.Range(0, 100).Select(i => Fr.FromUInt64((ulong)i)).ToArray();
        var bytes = many.SelectMany(w => { var b = new byte[32]; w.WriteBytesBigEndian(b); return b; }).ToArray();
        var expected = new BigInteger(SHA256.HashData(bytes), isUnsigned: true, isBigEndian: true) % Fr.Modulus;
        Assert.Equal(expected, InputHash.Compute(many).ToBigInteger());
    }
}
