using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Checks <see cref="Fp"/> against a BigInteger oracle on random and edge values.</summary>
public sealed class FpTests
{
    private static readonly BigInteger Q = BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583");

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
    public void Modulus_matches_the_BN254_group_order() => Assert.Equal(Q, Fp.Modulus);

    [Fact]
    public void Arithmetic_matches_the_BigInteger_oracle()
    {
        var s = Samples();
        var rng = new Random(99);
        foreach (var x in s)
        {
            var a = Fp.FromBigInteger(x);
            Assert.Equal(x, a.ToBigInteger());
            var y = s[rng.Next(s.Count)];
            var b = Fp.FromBigInteger(y);
            Assert.Equal(Mod(x + y), (a + b).ToBigInteger());
            Assert.Equal(Mod(x - y), (a - b).ToBigInteger());
            Assert.Equal(Mod(x * y), (a * b).ToBigInteger());
            Assert.Equal(Mod(-x), (-a).ToBigInteger());
            Fp.Double(a, out var d); Assert.Equal(Mod(2 * x), d.ToBigInteger());
            Fp.Square(a, out var sq); Assert.Equal(Mod(x * x), sq.ToBigInteger());
            Fp.Inverse(a, out var inv);
            Assert.Equal(x.IsZero ? BigInteger.Zero : BigInteger.ModPow(x, Q - 2, Q), inv.ToBigInteger());
            if (!x.IsZero) Assert.Equal(Fp.One, a * inv);
            Fp.Pow(a, [0x1234_5678_9abc_def0UL, 7UL], out var p);
            Assert.Equal(BigInteger.ModPow(x, (new BigInteger(7) << 64) + 0x1234_5678_9abc_def0UL, Q), p.ToBigInteger());
        }
    }

    [Fact]
    public void Operations_allow_the_output_to_alias_an_input()
    {
        var s = Samples();
        for (int i = 0; i + 1 < s.Count; i++)
        {
            BigInteger x = s[i], y = s[i + 1];
            var a = Fp.FromBigInteger(x); var b = Fp.FromBigInteger(y);
            Fp.Add(a, b, out a); Assert.Equal(Mod(x + y), a.ToBigInteger());
            a = Fp.FromBigInteger(x); Fp.Sub(a, b, out b); Assert.Equal(Mod(x - y), b.ToBigInteger());
            b = Fp.FromBigInteger(y); Fp.Mul(a, b, out b); Assert.Equal(Mod(x * y), b.ToBigInteger());
            Fp.Mul(a, a, out a); Assert.Equal(Mod(x * x), a.ToBigInteger());
            a = Fp.FromBigInteger(x); Fp.Square(a, out a); Assert.Equal(Mod(x * x), a.ToBigInteger());
            a = Fp.FromBigInteger(x); Fp.Neg(a, out a); Assert.Equal(Mod(-x), a.ToBigInteger());
            a = Fp.FromBigInteger(x); Fp.Double(a, out a); Assert.Equal(Mod(2 * x), a.ToBigInteger());
            a = Fp.FromBigInteger(x); Fp.Inverse(a, out a);
            Assert.Equal(x.IsZero ? 0 : BigInteger.ModPow(x, Q - 2, Q), a.ToBigInteger());
        }
    }

    [Fact]
    public void Sqrt_finds_roots_of_squares_and_rejects_non_residues()
    {
        int nonResidues = 0;
        foreach (var x in Samples())
        {
            var a = Fp.FromBigInteger(x);
            Fp.Square(a, out var sq);
            Assert.True(Fp.Sqrt(sq, out var root));
            Fp.Square(root, out var back);
            Assert.Equal(sq, back);
            bool isResidue = x.IsZero || BigInteger.ModPow(x, (Q - 1) / 2, Q).IsOne;
            Assert.Equal(isResidue, Fp.Sqrt(a, out var r2));
            if (isResidue) { Fp.Square(r2, out var b2); Assert.Equal(a, b2); }
            else nonResidues++;
        }
        Assert.True(nonResidues > 10);
    }

    [Fact]
    public void Constants_and_small_values()
    {
        Assert.True(Fp.Zero.IsZero);
        Assert.False(Fp.One.IsZero);
        Assert.Equal(BigInteger.One, Fp.One.ToBigInteger());
        Assert.Equal(new BigInteger(ulong.MaxValue), Fp.FromUInt64(ulong.MaxValue).ToBigInteger());
        Assert.Equal(Fp.Zero, Fp.FromBigInteger(Q - 1) + Fp.One);
        Assert.Equal(Fp.FromBigInteger(Q - 1), Fp.Zero - Fp.One);
        Assert.Equal(Fp.Zero, -Fp.Zero);
        Fp.Pow(Fp.FromUInt64(3), [], out var p0);
        Assert.Equal(Fp.One, p0);
    }

    [Fact]
    public void Equality_and_hash_code_follow_the_value()
    {
        var a = Fp.FromUInt64(42);
        var b = Fp.Parse("42");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Fp.FromUInt64(43));
    }

    [Fact]
    public void Bytes_round_trip_and_reject_out_of_range()
    {
        Span<byte> buf = stackalloc byte[32];
        foreach (var x in Samples())
        {
            Fp.FromBigInteger(x).WriteBytesBigEndian(buf);
            Assert.Equal(x, new BigInteger(buf, isUnsigned: true, isBigEndian: true));
            Assert.True(Fp.TryFromBytesBigEndian(buf, out var back));
            Assert.Equal(x, back.ToBigInteger());
        }
        Q.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: true);
        Assert.False(Fp.TryFromBytesBigEndian(buf, out _));
        buf.Fill(0xff);
        Assert.False(Fp.TryFromBytesBigEndian(buf, out _));
        Assert.False(Fp.TryFromBytesBigEndian(new byte[31], out _));
        Assert.False(Fp.TryFromBytesBigEndian(new byte[33], out _));
        Assert.True(Fp.TryFromBytesBigEndian(new byte[32], out var zero));
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
                Assert.Equal(expected, Fp.FromBytesBigEndianReduced(b).ToBigInteger());
            }
        }
        Assert.Throws<ArgumentException>(() => Fp.FromBytesBigEndianReduced(new byte[65]));
    }

    [Fact]
    public void Canonical_limbs_round_trip_and_are_strict()
    {
        Span<ulong> limbs = stackalloc ulong[4];
        foreach (var x in Samples())
        {
            Fp.FromBigInteger(x).ToCanonicalLimbs(limbs);
            var v = (new BigInteger(limbs[3]) << 192) + (new BigInteger(limbs[2]) << 128) + (new BigInteger(limbs[1]) << 64) + limbs[0];
            Assert.Equal(x, v);
            Assert.Equal(x, Fp.FromCanonicalLimbs(limbs).ToBigInteger());
        }
        var q = new ulong[4];
        for (int i = 0; i < 4; i++) q[i] = (ulong)((Q >> (64 * i)) & ulong.MaxValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fp.FromCanonicalLimbs(q));
        Assert.Throws<ArgumentException>(() => Fp.FromCanonicalLimbs(new ulong[3]));
    }

    [Fact]
    public void BigInteger_conversion_is_strict()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fp.FromBigInteger(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fp.FromBigInteger(Q));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fp.FromBigInteger(BigInteger.One << 300));
        Assert.Equal(Q - 1, Fp.FromBigInteger(Q - 1).ToBigInteger());
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("12345", "12345")]
    [InlineData("0x10", "16")]
    [InlineData("0XfF", "255")]
    [InlineData("007", "7")]
    public void Parse_accepts_decimal_and_hex(string text, string expected)
    {
        Assert.True(Fp.TryParse(text, out var v));
        Assert.Equal(expected, v.ToString());
        Assert.Equal(v, Fp.Parse(text));
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
        Assert.False(Fp.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Fp.Parse(text));
    }

    [Fact]
    public void Parse_rejects_values_at_or_above_the_modulus()
    {
        Assert.False(Fp.TryParse(Q.ToString(), out _));
        Assert.False(Fp.TryParse("0x" + Q.ToString("x"), out _));
        Assert.False(Fp.TryParse(null, out _));
        Assert.False(Fp.TryParse(new string('9', 500), out _));
        Assert.True(Fp.TryParse((Q - 1).ToString(), out var max));
        Assert.Equal((Q - 1).ToString(), max.ToString());
    }
}
