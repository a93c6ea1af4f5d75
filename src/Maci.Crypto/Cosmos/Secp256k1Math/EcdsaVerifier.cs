namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>ECDSA verification for Cosmos: allocation-free, variable time (all inputs are public).</summary>
internal static class EcdsaVerifier
{
    private const int QWindow = 5;

    /// <summary>p − n: when r &lt; p − n, the x-coordinate r + n is also a candidate.</summary>
    private static readonly FieldElement PMinusN = new(0x402DA1722FC9BAEEUL, 0x4551231950B75FC4UL, 1, 0);

    private static readonly FieldElement NAsField = new(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3);

    public static bool Verify(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature64)
    {
        if (signature64.Length != 64 || hash32.Length != 32)
            return false;
        if (!Scalar.TryFromBytes(signature64[..32], out var r) || r.IsZero)
            return false;
        if (!Scalar.TryFromBytes(signature64[32..], out var s) || s.IsZero || s.IsHigh)
            return false;
        if (!AffinePoint.TryDecompress(publicKey33, out var q))
            return false;
        var e = Scalar.FromBytesReduced(hash32);
        Scalar.InvertVar(s, out var w);
        Scalar.Mul(e, w, out var u1);
        Scalar.Mul(r, w, out var u2);
        DoubleMul(u1, q, u2, out var point);
        return !point.IsInfinity && XMatches(point, r);
    }

    /// <summary>Whether the affine x of <paramref name="point"/> reduced mod n equals r, without inverting Z.</summary>
    private static bool XMatches(in JacobianPoint point, in Scalar r)
    {
        FieldElement.Sqr(point.Z, out var zz);
        var rf = new FieldElement(r.L0, r.L1, r.L2, r.L3);
        FieldElement.Mul(rf, zz, out var t);
        if (FieldElement.Equal(t, point.X))
            return true;
        if (!LessThan(rf, PMinusN))
            return false;
        FieldElement.Add(rf, NAsField, out rf);
        FieldElement.Mul(rf, zz, out t);
        return FieldElement.Equal(t, point.X);
    }

    /// <summary>
    /// u1·G + u2·Q by interleaved (Strauss–Shamir) wNAF over the GLV split of both scalars: u = a + b·λ with
    /// a, b ≈ 128 bits, so four half-length digit strings share one chain of ~129 doublings.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    internal static void DoubleMul(in Scalar u1, in AffinePoint q, in Scalar u2, out JacobianPoint result)
    {
        Scalar.SplitLambda(u1, out var g1, out var g2);
        Scalar.SplitLambda(u2, out var q1, out var q2);
        Span<sbyte> nafG1 = stackalloc sbyte[Scalar.WnafLength];
        Span<sbyte> nafG2 = stackalloc sbyte[Scalar.WnafLength];
        Span<sbyte> nafQ1 = stackalloc sbyte[Scalar.WnafLength];
        Span<sbyte> nafQ2 = stackalloc sbyte[Scalar.WnafLength];
        var length = Math.Max(
            Math.Max(SignedWnaf(g1, nafG1, GeneratorTables.VerifyWindow), SignedWnaf(g2, nafG2, GeneratorTables.VerifyWindow)),
            Math.Max(SignedWnaf(q1, nafQ1, QWindow), SignedWnaf(q2, nafQ2, QWindow)));

        // Odd multiples Q, 3Q, …, 15Q and their images under the endomorphism (β·X, Y, Z).
        Span<JacobianPoint> qTable = stackalloc JacobianPoint[1 << (QWindow - 2)];
        Span<JacobianPoint> qLambda = stackalloc JacobianPoint[1 << (QWindow - 2)];
        qTable[0] = JacobianPoint.FromAffine(q);
        JacobianPoint.Double(qTable[0], out var twoQ);
        for (var i = 1; i < qTable.Length; i++)
            JacobianPoint.Add(qTable[i - 1], twoQ, out qTable[i]);
        for (var i = 0; i < qTable.Length; i++)
        {
            FieldElement.Mul(qTable[i].X, GeneratorTables.Beta, out var bx);
            qLambda[i] = new JacobianPoint(bx, qTable[i].Y, qTable[i].Z, false);
        }

        var gTable = GeneratorTables.OddMultiples;
        var gLambda = GeneratorTables.OddMultiplesLambda;
        var acc = JacobianPoint.Infinity;
        for (var i = length - 1; i >= 0; i--)
        {
            JacobianPoint.Double(acc, out acc);
            AddAffineDigit(ref acc, gTable, nafG1[i]);
            AddAffineDigit(ref acc, gLambda, nafG2[i]);
            AddJacobianDigit(ref acc, qTable, nafQ1[i]);
            AddJacobianDigit(ref acc, qLambda, nafQ2[i]);
        }
        result = acc;
    }

    /// <summary>wNAF of a GLV half; a "negative" half (above n/2) gets the digits of its negation, negated.</summary>
    private static int SignedWnaf(in Scalar k, Span<sbyte> naf, int window)
    {
        if (!k.IsHigh)
            return k.ToWnaf(naf, window);
        Scalar.Negate(k, out var neg);
        var length = neg.ToWnaf(naf, window);
        for (var i = 0; i < length; i++)
            naf[i] = (sbyte)-naf[i];
        return length;
    }

    private static void AddAffineDigit(ref JacobianPoint acc, AffinePoint[] table, int digit)
    {
        if (digit > 0)
            JacobianPoint.AddMixed(acc, table[digit >> 1], out acc);
        else if (digit < 0)
            JacobianPoint.AddMixed(acc, AffinePoint.Negate(table[-digit >> 1]), out acc);
    }

    private static void AddJacobianDigit(ref JacobianPoint acc, ReadOnlySpan<JacobianPoint> table, int digit)
    {
        if (digit > 0)
            JacobianPoint.Add(acc, table[digit >> 1], out acc);
        else if (digit < 0)
            JacobianPoint.Add(acc, JacobianPoint.Negate(table[-digit >> 1]), out acc);
    }

    private static bool LessThan(in FieldElement a, in FieldElement b)
    {
        if (a.L3 != b.L3) return a.L3 < b.L3;
        if (a.L2 != b.L2) return a.L2 < b.L2;
        if (a.L1 != b.L1) return a.L1 < b.L1;
        return a.L0 < b.L0;
    }
}
