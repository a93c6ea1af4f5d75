using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Amaci;

/// <summary>The public-key checks the Dora round contracts apply to keys they receive.</summary>
public static class AmaciKeyChecks
{
    /// <summary>
    /// aMACI <c>is_on_babyjubjub_curve</c>: coordinates below r (always true for <see cref="Fr"/>), x ≠ 0 and the
    /// curve equation. There is no subgroup check on chain.
    /// </summary>
    public static bool IsValidPublicKey(in BabyJubjubPoint key) => !key.X.IsZero && key.IsOnCurve;

    /// <summary>
    /// Parses decimal (or 0x-hex) coordinates as the contracts receive them and applies <see cref="IsValidPublicKey"/>;
    /// false for values ≥ r, malformed numbers or points that fail the check.
    /// </summary>
    public static bool TryParsePublicKey(string? x, string? y, out BabyJubjubPoint key)
    {
        key = default;
        if (!Fr.TryParse(x, out var fx) || !Fr.TryParse(y, out var fy)) return false;
        var point = new BabyJubjubPoint(fx, fy);
        if (!IsValidPublicKey(point)) return false;
        key = point;
        return true;
    }

    /// <summary>
    /// The legacy MACI contract's silent filter on message encryption keys: x ≠ 0 and y ≠ 1 (both below r).
    /// Messages with other keys are skipped without error there.
    /// </summary>
    public static bool IsAcceptedMaciEncryptionKey(in BabyJubjubPoint key) => !key.X.IsZero && key.Y != Fr.One;
}
