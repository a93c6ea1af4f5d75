using System.Globalization;
using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>
/// Baby Jubjub (EIP-2494): the twisted Edwards curve a·x² + y² = 1 + d·x²·y² over the BN254 scalar field with
/// a = 168700, d = 168696. Its order is 8·l; <see cref="BabyJubjubPoint.Base8"/> generates the subgroup of order l.
/// </summary>
public static class BabyJubjubCurve
{
    public const ulong A = 168700;

    public const ulong D = 168696;

    /// <summary>The prime subgroup order l (251 bits).</summary>
    public static BigInteger SubgroupOrder { get; } =
        BigInteger.Parse("2736030358979909402780800718157159386076813972158567259200215660948447373041", CultureInfo.InvariantCulture);

    /// <summary>The full curve order 8·l.</summary>
    public static BigInteger Order => SubgroupOrder * 8;

    internal static readonly Fr AField = Fr.FromUInt64(A);

    internal static readonly Fr DField = Fr.FromUInt64(D);

    internal static U256 SubgroupOrderLimbs => SubOrderModulus.Q;
}
