using System.Text.Json;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

public static partial class SnarkjsJson
{
    private static G1Affine G1(JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() is < 2 or > 3)
            throw new Groth16FormatException($"{what}: expected a G1 point [x, y, z] of decimal strings");
        var x = Coordinate(e[0], what, "x");
        var y = Coordinate(e[1], what, "y");
        var z = e.GetArrayLength() == 3 ? Coordinate(e[2], what, "z") : Fp.One;
        G1Affine p;
        if (z.IsZero) p = G1Affine.Infinity;
        else if (z == Fp.One) p = new G1Affine(x, y);
        else p = new G1Jacobian(x, y, z).ToAffine();
        return PointValidation.G1(p, what);
    }

    private static G2Affine G2(JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() is < 2 or > 3)
            throw new Groth16FormatException($"{what}: expected a G2 point [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]]");
        var x = Fp2Value(e[0], what, "x");
        var y = Fp2Value(e[1], what, "y");
        var z = e.GetArrayLength() == 3 ? Fp2Value(e[2], what, "z") : Fp2.One;
        G2Affine q;
        if (z.IsZero) q = G2Affine.Infinity;
        else if (z == Fp2.One) q = new G2Affine(x, y);
        else q = new G2Jacobian(x, y, z).ToAffine();
        return PointValidation.G2(q, what);
    }

    private static Fp2 Fp2Value(JsonElement e, string what, string name)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2)
            throw new Groth16FormatException($"{what}: coordinate {name} must be a pair [c0, c1]");
        return new Fp2(Coordinate(e[0], what, name + ".c0"), Coordinate(e[1], what, name + ".c1"));
    }

    private static Fp Coordinate(JsonElement e, string what, string name)
    {
        if (e.ValueKind != JsonValueKind.String)
            throw new Groth16FormatException($"{what}: coordinate {name} must be a decimal string");
        var s = e.GetString();
        if (!Fp.TryParse(s, out var v))
            throw new Groth16FormatException($"{what}: coordinate {name} is not a decimal integer below the base field modulus p");
        return v;
    }
}
