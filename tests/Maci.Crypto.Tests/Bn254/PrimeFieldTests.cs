using System.Numerics;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>
/// Field tests shared by <see cref="FpTests"/> and <see cref="FrTests"/>: the operations against a BigInteger oracle
/// on random and edge values, aliasing, square roots, encodings and parsing. <typeparamref name="TOps"/> adapts one
/// field type (the public API has no common interface, on purpose: the JIT specialises each struct).
/// </summary>
public abstract class PrimeFieldTests<T, TOps>
    where T : struct, IEquatable<T>
    where TOps : IFieldOps<T>
{
    private static readonly BigInteger Q = TOps.Modulus;

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
    public void Modulus_matches_the_BN254_constant() => Assert.Equal(BigInteger.Parse(TOps.ExpectedModulus), TOps.Modulus);

    [Fact]
    public void Arithmetic_matches_the_BigInteger_oracle()
    {
        var s = Samples();
        var rng = new Random(99);
        foreach (var x in s)
        {
            var a = TOps.FromBigInteger(x);
            Assert.Equal(x, TOps.ToBigInteger(a));
            var y = s[rng.Next(s.Count)];
            var b = TOps.FromBigInteger(y);
            Assert.Equal(Mod(x + y), TOps.ToBigInteger(TOps.Plus(a, b)));
            Assert.Equal(Mod(x - y), TOps.ToBigInteger(TOps.Minus(a, b)));
            Assert.Equal(Mod(x * y), TOps.ToBigInteger(TOps.Times(a, b)));
            Assert.Equal(Mod(-x), TOps.ToBigInteger(TOps.Negate(a)));
            TOps.Double(a, out var d); Assert.Equal(Mod(2 * x), TOps.ToBigInteger(d));
            TOps.Square(a, out var sq); Assert.Equal(Mod(x * x), TOps.ToBigInteger(sq));
            TOps.Inverse(a, out var inv);
            Assert.Equal(x.IsZero ? BigInteger.Zero : BigInteger.ModPow(x, Q - 2, Q), TOps.ToBigInteger(inv));
            if (!x.IsZero) Assert.Equal(TOps.One, TOps.Times(a, inv));
            TOps.Pow(a, [0x1234_5678_9abc_def0UL, 7UL], out var p);
            Assert.Equal(BigInteger.ModPow(x, (new BigInteger(7) << 64) + 0x1234_5678_9abc_def0UL, Q), TOps.ToBigInteger(p));
        }
    }

    [Fact]
    public void Add_sub_and_mul_match_the_oracle_on_every_pair_of_edge_values()
    {
        // Every ordered pair, so each borrow/carry boundary of the final conditional subtraction is crossed (x = y,
        // x = y ± 1, sums just below, at and above q).
        var edges = Samples().Take(10).ToList();
        foreach (var x in edges)
        foreach (var y in edges)
        {
            var a = TOps.FromBigInteger(x);
            var b = TOps.FromBigInteger(y);
            Assert.Equal(Mod(x + y), TOps.ToBigInteger(TOps.Plus(a, b)));
            Assert.Equal(Mod(x - y), TOps.ToBigInteger(TOps.Minus(a, b)));
            Assert.Equal(Mod(x * y), TOps.ToBigInteger(TOps.Times(a, b)));
        }
    }

    [Fact]
    public void Operations_allow_the_output_to_alias_an_input()
    {
        var s = Samples();
        for (int i = 0; i + 1 < s.Count; i++)
        {
            BigInteger x = s[i], y = s[i + 1];
            var a = TOps.FromBigInteger(x); var b = TOps.FromBigInteger(y);
            TOps.Add(a, b, out a); Assert.Equal(Mod(x + y), TOps.ToBigInteger(a));
            a = TOps.FromBigInteger(x); TOps.Sub(a, b, out b); Assert.Equal(Mod(x - y), TOps.ToBigInteger(b));
            b = TOps.FromBigInteger(y); TOps.Mul(a, b, out b); Assert.Equal(Mod(x * y), TOps.ToBigInteger(b));
            TOps.Mul(a, a, out a); Assert.Equal(Mod(x * x), TOps.ToBigInteger(a));
            a = TOps.FromBigInteger(x); TOps.Square(a, out a); Assert.Equal(Mod(x * x), TOps.ToBigInteger(a));
            a = TOps.FromBigInteger(x); TOps.Neg(a, out a); Assert.Equal(Mod(-x), TOps.ToBigInteger(a));
            a = TOps.FromBigInteger(x); TOps.Double(a, out a); Assert.Equal(Mod(2 * x), TOps.ToBigInteger(a));
            a = TOps.FromBigInteger(x); TOps.Inverse(a, out a);
            Assert.Equal(x.IsZero ? 0 : BigInteger.ModPow(x, Q - 2, Q), TOps.ToBigInteger(a));
        }
    }

    [Fact]
    public void Sqrt_finds_roots_of_squares_and_rejects_non_residues()
    {
        int nonResidues = 0;
        foreach (var x in Samples())
        {
            var a = TOps.FromBigInteger(x);
            TOps.Square(a, out var sq);
            Assert.True(TOps.Sqrt(sq, out var root));
            TOps.Square(root, out var back);
            Assert.Equal(sq, back);
            bool isResidue = x.IsZero || BigInteger.ModPow(x, (Q - 1) / 2, Q).IsOne;
            Assert.Equal(isResidue, TOps.Sqrt(a, out var r2));
            if (isResidue) { TOps.Square(r2, out var b2); Assert.Equal(a, b2); }
            else nonResidues++;
        }
        Assert.True(nonResidues > 10);
    }

    [Fact]
    public void Constants_and_small_values()
    {
        Assert.True(TOps.IsZero(TOps.Zero));
        Assert.False(TOps.IsZero(TOps.One));
        Assert.Equal(BigInteger.One, TOps.ToBigInteger(TOps.One));
        Assert.Equal(new BigInteger(ulong.MaxValue), TOps.ToBigInteger(TOps.FromUInt64(ulong.MaxValue)));
        Assert.Equal(TOps.Zero, TOps.Plus(TOps.FromBigInteger(Q - 1), TOps.One));
        Assert.Equal(TOps.FromBigInteger(Q - 1), TOps.Minus(TOps.Zero, TOps.One));
        Assert.Equal(TOps.Zero, TOps.Negate(TOps.Zero));
        TOps.Pow(TOps.FromUInt64(3), [], out var p0);
        Assert.Equal(TOps.One, p0);
    }

    [Fact]
    public void Equality_and_hash_code_follow_the_value()
    {
        var a = TOps.FromUInt64(42);
        var b = TOps.Parse("42");
        Assert.True(TOps.OperatorEquals(a, b));
        Assert.False(TOps.OperatorNotEquals(a, b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TOps.FromUInt64(43));
    }

    [Fact]
    public void Bytes_round_trip_and_reject_out_of_range()
    {
        Span<byte> buf = stackalloc byte[32];
        foreach (var x in Samples())
        {
            TOps.WriteBytesBigEndian(TOps.FromBigInteger(x), buf);
            Assert.Equal(x, new BigInteger(buf, isUnsigned: true, isBigEndian: true));
            Assert.True(TOps.TryFromBytesBigEndian(buf, out var back));
            Assert.Equal(x, TOps.ToBigInteger(back));
        }
        Q.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: true);
        Assert.False(TOps.TryFromBytesBigEndian(buf, out _));
        buf.Fill(0xff);
        Assert.False(TOps.TryFromBytesBigEndian(buf, out _));
        Assert.False(TOps.TryFromBytesBigEndian(new byte[31], out _));
        Assert.False(TOps.TryFromBytesBigEndian(new byte[33], out _));
        Assert.True(TOps.TryFromBytesBigEndian(new byte[32], out var zero));
        Assert.True(TOps.IsZero(zero));
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
                Assert.Equal(expected, TOps.ToBigInteger(TOps.FromBytesBigEndianReduced(b)));
            }
        }
        Assert.Throws<ArgumentException>(() => TOps.FromBytesBigEndianReduced(new byte[65]));
    }

    [Fact]
    public void Canonical_limbs_round_trip_and_are_strict()
    {
        Span<ulong> limbs = stackalloc ulong[4];
        foreach (var x in Samples())
        {
            TOps.ToCanonicalLimbs(TOps.FromBigInteger(x), limbs);
            var v = (new BigInteger(limbs[3]) << 192) + (new BigInteger(limbs[2]) << 128) + (new BigInteger(limbs[1]) << 64) + limbs[0];
            Assert.Equal(x, v);
            Assert.Equal(x, TOps.ToBigInteger(TOps.FromCanonicalLimbs(limbs)));
        }
        var q = new ulong[4];
        for (int i = 0; i < 4; i++) q[i] = (ulong)((Q >> (64 * i)) & ulong.MaxValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => TOps.FromCanonicalLimbs(q));
        Assert.Throws<ArgumentException>(() => TOps.FromCanonicalLimbs(new ulong[3]));
    }

    [Fact]
    public void BigInteger_conversion_is_strict()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TOps.FromBigInteger(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TOps.FromBigInteger(Q));
        Assert.Throws<ArgumentOutOfRangeException>(() => TOps.FromBigInteger(BigInteger.One << 300));
        Assert.Equal(Q - 1, TOps.ToBigInteger(TOps.FromBigInteger(Q - 1)));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("12345", "12345")]
    [InlineData("0x10", "16")]
    [InlineData("0XfF", "255")]
    [InlineData("007", "7")]
    public void Parse_accepts_decimal_and_hex(string text, string expected)
    {
        Assert.True(TOps.TryParse(text, out var v));
        Assert.Equal(expected, v.ToString());
        Assert.Equal(v, TOps.Parse(text));
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
        Assert.False(TOps.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TOps.Parse(text));
    }

    [Fact]
    public void Parse_rejects_values_at_or_above_the_modulus()
    {
        Assert.False(TOps.TryParse(Q.ToString(), out _));
        Assert.False(TOps.TryParse("0x" + Q.ToString("x"), out _));
        Assert.False(TOps.TryParse(null, out _));
        Assert.False(TOps.TryParse(new string('9', 500), out _));
        Assert.True(TOps.TryParse((Q - 1).ToString(), out var max));
        Assert.Equal((Q - 1).ToString(), max.ToString());
    }
}
