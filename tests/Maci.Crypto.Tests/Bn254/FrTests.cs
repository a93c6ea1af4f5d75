using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Checks <see cref="Fr"/> against a BigInteger oracle on random and edge values.</summary>
public sealed class FrTests
{
    private static readonly BigInteger Q = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    private static List<BigInteger> Samples()
    {
        var rng = new Random(1234);
        var list = new List<BigInteger> { 0, 1, 2, Q - 1, Q - 2, (Q - 1) / 2, (Q + 1) / 2, ulong.MaxValue, BigInteger.One << 128, (BigInteger.One << 253) - 1 };
        Span<byte> b = stackalloc byte[32];
        for (int i = 0; i < 60; i++)
        {
            rng.NextBytes(b);
            list.Add(new BigInteger(b, isUnsigned: true) % Q);
        }
        return list;
    }

    private static BigInteger Mod(BigInteger v) => ((v % Q) + Q) % Q;

    [Fact]
    public void Modulus_matches_the_BN254_group_order() => Assert.Equal(Q, Fr.Modulus);

    [Fact]
    public void Arithmetic_matches_the_BigInteger_oracle()
    {
        var s = Samples();
        var rng = new Random(99);
        foreach (var x in s)
        {
            var a = Fr.FromBigInteger(x);
            Assert.Equal(x, a.ToBigInteger());
            var y = s[rng.Next(s.Count)];
            var b = Fr.FromBigInteger(y);
            Assert.Equal(Mod(x + y), (a + b).ToBigInteger());
            Assert.Equal(Mod(x - y), (a - b).ToBigInteger());
            Assert.Equal(Mod(x * y), (a * b).ToBigInteger());
            Assert.Equal(Mod(-x), (-a).ToBigInteger());
            Fr.Double(a, out var d); Assert.Equal(Mod(2 * x), d.ToBigInteger());
            Fr.Square(a, out var sq); Assert.Equal(Mod(x * x), sq.ToBigInteger());
            Fr.Inverse(a, out var inv);
            Assert.Equal(x.IsZero ? BigInteger.Zero : BigInteger.ModPow(x, Q - 2, Q), inv.ToBigInteger());
            if (!x.IsZero) Assert.Equal(Fr.One, a * inv);
            Fr.Pow(a, [0x1234_5678_9abc_def0UL, 7UL], out var p);
            Assert.Equal(BigInteger.ModPow(x, (new BigInteger(7) << 64) + 0x1234_5678_9abc_def0UL, Q), p.ToBigInteger());
        }
    }

    [Fact]
    public void SumOfProducts_matches_the_BigInteger_oracle_up_to_the_largest_values()
    {
        var s = Samples();
        var rng = new Random(7);
        for (int n = 1; n <= Fr.MaxSumOfProductsTerms; n++)
        {
            // All-maximal terms give the largest unreduced sum; then random and edge samples.
            for (int round = 0; round < 20; round++)
            {
                var a = new Fr[n];
                var b = new Fr[n];
                BigInteger expected = 0;
                for (int i = 0; i < n; i++)
                {
                    BigInteger x = round == 0 ? Q - 1 : s[rng.Next(s.Count)], y = round == 0 ? Q - 1 : s[rng.Next(s.Count)];
                    a[i] = Fr.FromBigInteger(x);
                    b[i] = Fr.FromBigInteger(y);
                    expected += x * y;
                }
                Fr.SumOfProducts(a, b, out var got);
                Assert.Equal(Mod(expected), got.ToBigInteger());
            }
        }
    }

    [Fact]
    public void SumOfProducts_rejects_bad_lengths()
    {
        var eleven = new Fr[Fr.MaxSumOfProductsTerms + 1];
        Assert.Throws<ArgumentException>(() => Fr.SumOfProducts(eleven, eleven, out _));
        Assert.Throws<ArgumentException>(() => Fr.SumOfProducts(new Fr[2], new Fr[3], out _));
        Assert.Throws<ArgumentException>(() => Fr.SumOfProducts([], [], out _));
    }

    [Fact]
    public void Operations_allow_the_output_to_alias_an_input()
    {
        var s = Samples();
        for (int i = 0; i + 1 < s.Count; i++)
        {
            BigInteger x = s[i], y = s[i + 1];
            var a = Fr.FromBigInteger(x); var b = Fr.FromBigInteger(y);
            Fr.Add(a, b, out a); Assert.Equal(Mod(x + y), a.ToBigInteger());
            a = Fr.FromBigInteger(x); Fr.Sub(a, b, out b); Assert.Equal(Mod(x - y), b.ToBigInteger());
            b = Fr.FromBigInteger(y); Fr.Mul(a, b, out b); Assert.Equal(Mod(x * y), b.ToBigInteger());
            Fr.Mul(a, a, out a); Assert.Equal(Mod(x * x), a.ToBigInteger());
            a = Fr.FromBigInteger(x); Fr.Square(a, out a); Assert.Equal(Mod(x * x), a.ToBigInteger());
            a = Fr.FromBigInteger(x); Fr.Neg(a, out a); Assert.Equal(Mod(-x), a.ToBigInteger());
            a = Fr.FromBigInteger(x); Fr.Double(a, out a); Assert.Equal(Mod(2 * x), a.ToBigInteger());
            a = Fr.FromBigInteger(x); Fr.Inverse(a, out a);
            Assert.Equal(x.IsZero ? 0 : BigInteger.ModPow(x, Q - 2, Q), a.ToBigInteger());
        }
    }

    [Fact]
    public void Sqrt_finds_roots_of_squares_and_rejects_non_residues()
    {
        int nonResidues = 0;
        foreach (var x in Samples())
        {
            var a = Fr.FromBigInteger(x);
            Fr.Square(a, out var sq);
            Assert.True(Fr.Sqrt(sq, out var root));
            Fr.Square(root, out var back);
            Assert.Equal(sq, back);
            bool isResidue = x.IsZero || BigInteger.ModPow(x, (Q - 1) / 2, Q).IsOne;
            Assert.Equal(isResidue, Fr.Sqrt(a, out var r2));
            if (isResidue) { Fr.Square(r2, out var b2); Assert.Equal(a, b2); }
            else nonResidues++;
        }
        Assert.True(nonResidues > 10);
    }

    [Fact]
    public void Constants_and_small_values()
    {
        Assert.True(Fr.Zero.IsZero);
        Assert.False(Fr.One.IsZero);
        Assert.Equal(BigInteger.One, Fr.One.ToBigInteger());
        Assert.Equal(new BigInteger(ulong.MaxValue), Fr.FromUInt64(ulong.MaxValue).ToBigInteger());
        Assert.Equal(Fr.Zero, Fr.FromBigInteger(Q - 1) + Fr.One);
        Assert.Equal(Fr.FromBigInteger(Q - 1), Fr.Zero - Fr.One);
        Assert.Equal(Fr.Zero, -Fr.Zero);
        Fr.Pow(Fr.FromUInt64(3), [], out var p0);
        Assert.Equal(Fr.One, p0);
    }

    [Fact]
    public void Equality_and_hash_code_follow_the_value()
    {
        var a = Fr.FromUInt64(42);
        var b = Fr.Parse("42");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Fr.FromUInt64(43));
    }

    [Fact]
    public void Bytes_round_trip_and_reject_out_of_range()
    {
        Span<byte> buf = stackalloc byte[32];
        foreach (var x in Samples())
        {
            Fr.FromBigInteger(x).WriteBytesBigEndian(buf);
            Assert.Equal(x, new BigInteger(buf, isUnsigned: true, isBigEndian: true));
            Assert.True(Fr.TryFromBytesBigEndian(buf, out var back));
            Assert.Equal(x, back.ToBigInteger());
        }
        Q.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: true);
        Assert.False(Fr.TryFromBytesBigEndian(buf, out _));
        buf.Fill(0xff);
        Assert.False(Fr.TryFromBytesBigEndian(buf, out _));
        Assert.False(Fr.TryFromBytesBigEndian(new byte[31], out _));
        Assert.False(Fr.TryFromBytesBigEndian(new byte[33], out _));
        Assert.True(Fr.TryFromBytesBigEndian(new byte[32], out var zero));
        Assert.True(zero.IsZero);
    }

    [Fact]
    public void Reduced_bytes_match_the_oracle_for_any_length_up_to_64()
    {
        var rng = new Random(5);
        foreach (int len in new[] { 0, 1, 16, 31, 32, 33, 48, 63, 64 })
        {
            for (int i = 0; i < 10; i++)
            {
                var b = new byte[len];
                rng.NextBytes(b);
                if (i == 0) Array.Fill(b, (byte)0xff);
                var expected = new BigInteger(b, isUnsigned: true, isBigEndian: true) % Q;
                Assert.Equal(expected, Fr.FromBytesBigEndianReduced(b).ToBigInteger());
            }
        }
        Assert.Throws<ArgumentException>(() => Fr.FromBytesBigEndianReduced(new byte[65]));
    }

    [Fact]
    public void Canonical_limbs_round_trip_and_are_strict()
    {
        Span<ulong> limbs = stackalloc ulong[4];
        foreach (var x in Samples())
        {
            Fr.FromBigInteger(x).ToCanonicalLimbs(limbs);
            var v = (new BigInteger(limbs[3]) << 192) + (new BigInteger(limbs[2]) << 128) + (new BigInteger(limbs[1]) << 64) + limbs[0];
            Assert.Equal(x, v);
            Assert.Equal(x, Fr.FromCanonicalLimbs(limbs).ToBigInteger());
        }
        var q = new ulong[4];
        for (int i = 0; i < 4; i++) q[i] = (ulong)((Q >> (64 * i)) & ulong.MaxValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fr.FromCanonicalLimbs(q));
        Assert.Throws<ArgumentException>(() => Fr.FromCanonicalLimbs(new ulong[3]));
    }

    [Fact]
    public void BigInteger_conversion_is_strict()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fr.FromBigInteger(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fr.FromBigInteger(Q));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fr.FromBigInteger(BigInteger.One << 300));
        Assert.Equal(Q - 1, Fr.FromBigInteger(Q - 1).ToBigInteger());
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("12345", "12345")]
    [InlineData("0x10", "16")]
    [InlineData("0XfF", "255")]
    [InlineData("007", "7")]
    public void Parse_accepts_decimal_and_hex(string text, string expected)
    {
        Assert.True(Fr.TryParse(text, out var v));
        Assert.Equal(expected, v.ToString());
        Assert.Equal(v, Fr.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("0x")]
    [InlineData("0xg1")]
    [InlineData("1e5")]
    [InlineData("abc")]
    public void Parse_rejects_malformed_text(string text)
    {
        Assert.False(Fr.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Fr.Parse(text));
    }

    [Fact]
    public void Parse_rejects_values_at_or_above_the_modulus()
    {
        Assert.False(Fr.TryParse(Q.ToString(), out _));
        Assert.False(Fr.TryParse("0x" + Q.ToString("x"), out _));
        Assert.False(Fr.TryParse(null, out _));
        Assert.False(Fr.TryParse(new string('9', 500), out _));
        Assert.True(Fr.TryParse((Q - 1).ToString(), out var max));
        Assert.Equal((Q - 1).ToString(), max.ToString());
    }
}
