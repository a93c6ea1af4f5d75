using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>Group-membership checks shared by all decoders.</summary>
internal static class PointValidation
{
    public static G1Affine G1(in G1Affine p, string what)
    {
        if (!p.IsOnCurve) throw new Groth16FormatException($"{what}: G1 point is not on the curve y^2 = x^3 + 3");
        return p;
    }

    public static G2Affine G2(in G2Affine q, string what)
    {
        if (!q.IsOnCurve) throw new Groth16FormatException($"{what}: G2 point is not on the twist curve");
        if (!q.IsInSubgroup) throw new Groth16FormatException($"{what}: G2 point is not in the order-r subgroup");
        return q;
    }
}
