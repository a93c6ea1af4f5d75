namespace Maci.Crypto.Bn254;

/// <summary>
/// Precomputed multiples of a fixed G1 point for fast scalar multiplication: for each of the 64 four-bit windows w,
/// the affine points d·16^w·P for d = 1..15 (960 points, about 60 KB). A product then costs at most 64 mixed additions
/// and no doublings. Used for verifying-key IC points, which are fixed per key. Immutable and thread-safe.
/// </summary>
public sealed class G1FixedBase
{
    private const int Windows = 64;
    private const int PerWindow = 15;

    private readonly G1Affine[] _table;

    public G1Affine Point { get; }

    public G1FixedBase(in G1Affine p)
    {
        Point = p;
        var jac = new G1Jacobian[Windows * PerWindow];
        var baseJ = G1Jacobian.FromAffine(p);
        for (int w = 0; w < Windows; w++)
        {
            int o = w * PerWindow;
            jac[o] = baseJ;
            for (int d = 1; d < PerWindow; d++) G1Jacobian.Add(jac[o + d - 1], baseJ, out jac[o + d]);
            for (int i = 0; i < 4; i++) G1Jacobian.Double(baseJ, out baseJ);
        }
        _table = new G1Affine[jac.Length];
        G1Jacobian.BatchToAffine(jac, _table);
    }

    /// <summary>[k]·P.</summary>
    public void Multiply(in Fr k, out G1Jacobian r)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        var acc = G1Jacobian.Infinity;
        for (int w = 0; w < Windows; w++)
        {
            int digit = (int)((limbs[w >> 4] >> ((w & 15) * 4)) & 0xF);
            if (digit != 0) G1Jacobian.AddMixed(acc, _table[w * PerWindow + digit - 1], out acc);
        }
        r = acc;
    }
}
