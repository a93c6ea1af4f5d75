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
        Scalar.Invert(s, out var w);
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

    /// <summary>u1·G + u2·Q by interleaved (Strauss–Shamir) wNAF: one doubling chain for both scalars.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    internal static void DoubleMul(in Scalar u1, in AffinePoint q, in Scalar u2, out JacobianPoint result)
    {
        Span<sbyte> naf1 = stackalloc sbyte[Scalar.WnafLength];
        Span<sbyte> naf2 = stackalloc sbyte[Scalar.WnafLength];
        var len1 = u1.ToWnaf(naf1, GeneratorTables.VerifyWindow);
        var len2 = u2.ToWnaf(naf2, QWindow);

        // Odd multiples Q, 3Q, …, 15Q.
        Span<JacobianPoint> qTable = stackalloc JacobianPoint[1 << (QWindow - 2)];
        qTable[0] = JacobianPoint.FromAffine(q);
        JacobianPoint.Double(qTable[0], out var twoQ);
        for (var i = 1; i < qTable.Length; i++)
            JacobianPoint.Add(qTable[i - 1], twoQ, out qTable[i]);

        var gTable = GeneratorTables.OddMultiples;
        var acc = JacobianPoint.Infinity;
        for (var i = Math.Max(len1, len2) - 1; i >= 0; i--)
        {
            JacobianPoint.Double(acc, out acc);
            int d1 = naf1[i];
            if (d1 > 0)
                JacobianPoint.AddMixed(acc, gTable[d1 >> 1], out acc);
            else if (d1 < 0)
                JacobianPoint.AddMixed(acc, AffinePoint.Negate(gTable[-d1 >> 1]), out acc);
            int d2 = naf2[i];
            if (d2 > 0)
                JacobianPoint.Add(acc, qTable[d2 >> 1], out acc);
            else if (d2 < 0)
                JacobianPoint.Add(acc, JacobianPoint.Negate(qTable[-d2 >> 1]), out acc);
        }
        result = acc;
    }

    private static bool LessThan(in FieldElement a, in FieldElement b)
    {
        if (a.L3 != b.L3) return a.L3 < b.L3;
        if (a.L2 != b.L2) return a.L2 < b.L2;
        if (a.L1 != b.L1) return a.L1 < b.L1;
        return a.L0 < b.L0;
    }
}
