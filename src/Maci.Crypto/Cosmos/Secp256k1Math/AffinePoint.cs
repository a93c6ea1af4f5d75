namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>A finite curve point (x, y) on y² = x³ + 7.</summary>
internal readonly struct AffinePoint(FieldElement x, FieldElement y)
{
    public readonly FieldElement X = x;
    public readonly FieldElement Y = y;

    public static readonly FieldElement B = FieldElement.FromUInt64(7);

    public static AffinePoint Generator { get; } = new(
        new FieldElement(0x59F2815B16F81798UL, 0x029BFCDB2DCE28D9UL, 0x55A06295CE870B07UL, 0x79BE667EF9DCBBACUL),
        new FieldElement(0x9C47D08FFB10D4B8UL, 0xFD17B448A6855419UL, 0x5DA4FBFC0E1108A8UL, 0x483ADA7726A3C465UL));

    public static AffinePoint Negate(in AffinePoint p)
    {
        FieldElement.Negate(p.Y, out var y);
        return new AffinePoint(p.X, y);
    }

    public bool IsOnCurve()
    {
        FieldElement.Sqr(Y, out var y2);
        CurveRhs(X, out var rhs);
        return FieldElement.Equal(y2, rhs);
    }

    /// <summary>x³ + 7.</summary>
    public static void CurveRhs(in FieldElement x, out FieldElement r)
    {
        FieldElement.Sqr(x, out var x2);
        FieldElement.Mul(x2, x, out var x3);
        FieldElement.Add(x3, B, out r);
    }

    /// <summary>
    /// Decodes a 33-byte compressed point (0x02 even y, 0x03 odd y). False for any other length or prefix, x ≥ p,
    /// or an x with no curve point.
    /// </summary>
    public static bool TryDecompress(ReadOnlySpan<byte> encoded, out AffinePoint p)
    {
        p = default;
        if (encoded.Length != 33 || (encoded[0] != 0x02 && encoded[0] != 0x03))
            return false;
        if (!FieldElement.TryFromBytes(encoded[1..], out var x))
            return false;
        CurveRhs(x, out var rhs);
        if (!FieldElement.TrySqrt(rhs, out var y))
            return false;
        if (y.IsOdd != (encoded[0] == 0x03))
            FieldElement.Negate(y, out y);
        p = new AffinePoint(x, y);
        return true;
    }

    public void WriteCompressed(Span<byte> dest33)
    {
        dest33[0] = Y.IsOdd ? (byte)0x03 : (byte)0x02;
        X.WriteBytes(dest33[1..]);
    }
}
