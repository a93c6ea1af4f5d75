namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>
/// Precomputed multiples of the generator G, built once at type initialisation and never written afterwards
/// (field initialisers run in textual order: Beta and OddMultiples come before what uses them).
/// </summary>
internal static class GeneratorTables
{
    /// <summary>wNAF window for the G part of a verification: digits up to ±127 (wNAF digits are sbyte).</summary>
    public const int VerifyWindow = 8;

    /// <summary>Comb rows for fixed-base multiplication: 64 rows of 4-bit digits.</summary>
    public const int CombRows = 64;
    public const int CombColumns = 16;

    /// <summary>β: a cube root of 1 mod p; (x, y) ↦ (β·x, y) is multiplication by λ.</summary>
    public static readonly FieldElement Beta = new(0xC1396C28719501EEUL, 0x9CF0497512F58995UL, 0x6E64479EAC3434E9UL, 0x7AE96A2B657C0710UL);

    /// <summary>OddMultiples[i] = (2i + 1)·G for 2i + 1 &lt; 2^(VerifyWindow − 1).</summary>
    public static readonly AffinePoint[] OddMultiples = BuildOddMultiples();

    /// <summary>OddMultiplesLambda[i] = λ·(2i + 1)·G = (β·x, y) of OddMultiples[i].</summary>
    public static readonly AffinePoint[] OddMultiplesLambda = ApplyEndomorphism(OddMultiples);

    /// <summary>Comb[16·i + j] = (j + 1)·16^i·G.</summary>
    public static readonly AffinePoint[] Comb;

    /// <summary>−Σ 16^i·G over all rows: cancels the "+1" that every comb digit carries.</summary>
    public static readonly AffinePoint CombOffset;

    static GeneratorTables()
    {
        var points = new JacobianPoint[CombRows * CombColumns];
        var rowBase = JacobianPoint.FromAffine(AffinePoint.Generator);
        var offset = JacobianPoint.Infinity;
        for (var i = 0; i < CombRows; i++)
        {
            JacobianPoint.Add(offset, rowBase, out offset);
            points[i * CombColumns] = rowBase;
            for (var j = 1; j < CombColumns; j++)
                JacobianPoint.Add(points[i * CombColumns + j - 1], rowBase, out points[i * CombColumns + j]);
            rowBase = points[i * CombColumns + CombColumns - 1]; // 16·base is the next row's base
        }
        Comb = BatchToAffine(points);
        offset.TryToAffine(out var offsetAffine);
        CombOffset = AffinePoint.Negate(offsetAffine);
    }

    private static AffinePoint[] BuildOddMultiples()
    {
        var count = 1 << (VerifyWindow - 2);
        var points = new JacobianPoint[count];
        points[0] = JacobianPoint.FromAffine(AffinePoint.Generator);
        JacobianPoint.Double(points[0], out var twoG);
        for (var i = 1; i < count; i++)
            JacobianPoint.Add(points[i - 1], twoG, out points[i]);
        return BatchToAffine(points);
    }

    private static AffinePoint[] ApplyEndomorphism(AffinePoint[] points)
    {
        var result = new AffinePoint[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            FieldElement.Mul(points[i].X, Beta, out var x);
            result[i] = new AffinePoint(x, points[i].Y);
        }
        return result;
    }

    /// <summary>Affine forms of finite points with one field inversion (Montgomery's trick).</summary>
    internal static AffinePoint[] BatchToAffine(ReadOnlySpan<JacobianPoint> points)
    {
        var prefix = new FieldElement[points.Length];
        var acc = FieldElement.One;
        for (var i = 0; i < points.Length; i++)
        {
            prefix[i] = acc;
            FieldElement.Mul(acc, points[i].Z, out acc);
        }
        FieldElement.Invert(acc, out var inv); // inverse of the product of all Z
        var result = new AffinePoint[points.Length];
        for (var i = points.Length - 1; i >= 0; i--)
        {
            FieldElement.Mul(inv, prefix[i], out var zi);     // 1/Z_i
            FieldElement.Mul(inv, points[i].Z, out inv);      // drop Z_i from the running inverse
            FieldElement.Sqr(zi, out var zi2);
            FieldElement.Mul(zi2, zi, out var zi3);
            FieldElement.Mul(points[i].X, zi2, out var x);
            FieldElement.Mul(points[i].Y, zi3, out var y);
            result[i] = new AffinePoint(x, y);
        }
        return result;
    }
}
