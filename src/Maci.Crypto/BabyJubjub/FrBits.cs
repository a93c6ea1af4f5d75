using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>Canonical-integer views of field elements (sign, parity, scalar bits).</summary>
internal static class FrBits
{
    // (r − 1) / 2: values above it are the "negative" half, as ffjavascript and zk-kit order field elements.
    private static readonly U256 HalfR = new(0xa1f0fac9f8000000UL, 0x9419f4243cdcb848UL, 0xdc2822db40c0ac2eUL, 0x183227397098d014UL);

    public static U256 Canonical(in Fr v)
    {
        Montgomery<FrModulus>.FromMontgomery(v.M, out var c);
        return c;
    }

    public static Fr FromCanonical(in U256 v)
    {
        if (!v.LessThan(FrModulus.Q)) throw new ArgumentOutOfRangeException(nameof(v), "value is not below r");
        Montgomery<FrModulus>.ToMontgomery(v, out var m);
        return new Fr(m);
    }

    public static bool IsNegative(in Fr v) => HalfR.LessThan(Canonical(v));

    public static bool IsOdd(in Fr v) => (Canonical(v).L0 & 1) != 0;
}
