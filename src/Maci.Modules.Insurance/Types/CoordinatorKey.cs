using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>
/// An operator's MACI coordinator key: a Baby Jubjub point on the curve, in the prime subgroup and not the
/// identity. Its canonical form (x and y as 32 big-endian bytes each) is what uniqueness is checked on.
/// </summary>
public sealed record CoordinatorKey(BabyJubjubPoint Point)
{
    /// <summary>Full validation: canonical coordinates, on the curve, not the identity, in the prime subgroup.</summary>
    public static SdkError? TryParse(PubKey? key, out CoordinatorKey result) => TryParse(key, checkGroup: true, out result);

    /// <summary>
    /// With <paramref name="checkGroup"/> false only the coordinates are parsed: for keys already validated (by
    /// ValidateBasic before the handler runs, or when they were stored). The subgroup check is the costly part.
    /// </summary>
    public static SdkError? TryParse(PubKey? key, bool checkGroup, out CoordinatorKey result)
    {
        result = null!;
        if (key is null) return InsuranceErrors.InvalidPubKey.Wrap("public key is missing");
        if (!Fr.TryParse(key.X, out var x))
            return InsuranceErrors.InvalidPubKey.Wrap($"x '{Amounts.Clip(key.X)}' is not an integer below the field modulus");
        if (!Fr.TryParse(key.Y, out var y))
            return InsuranceErrors.InvalidPubKey.Wrap($"y '{Amounts.Clip(key.Y)}' is not an integer below the field modulus");
        var point = new BabyJubjubPoint(x, y);
        if (!checkGroup)
        {
            result = new CoordinatorKey(point);
            return null;
        }
        if (!point.IsOnCurve) return InsuranceErrors.InvalidPubKey.Wrap("point is not on the Baby Jubjub curve");
        if (point.IsIdentity) return InsuranceErrors.InvalidPubKey.Wrap("point is the identity");
        if (!point.IsInPrimeSubgroup) return InsuranceErrors.InvalidPubKey.Wrap("point is not in the prime-order subgroup");
        result = new CoordinatorKey(point);
        return null;
    }

    /// <summary>A key read back from this module's own state (validated when it was written).</summary>
    public static CoordinatorKey FromStored(PubKey? key, string owner) =>
        TryParse(key, checkGroup: false, out var k) is { } err ? throw new InvalidDataException($"stored key of {owner} is unreadable: {err.Log}") : k;

    /// <summary>The store index key of this point.</summary>
    public byte[] IndexKey()
    {
        Span<byte> x = stackalloc byte[32];
        Span<byte> y = stackalloc byte[32];
        Point.X.WriteBytesBigEndian(x);
        Point.Y.WriteBytesBigEndian(y);
        return Keys.PubKeyIndex(x, y);
    }

    /// <summary>The canonical decimal form stored in the operator record.</summary>
    public PubKey ToProto() => new() { X = Point.X.ToString(), Y = Point.Y.ToString() };
}
