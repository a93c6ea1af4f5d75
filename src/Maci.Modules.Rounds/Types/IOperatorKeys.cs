using Maci.Crypto.BabyJubjub;
using Maci.Sdk;

namespace Maci.Modules.Rounds.Types;

/// <summary>
/// Where a round's coordinator key comes from: the operator's registered MACI key (the insurance module's operator
/// registry at the composition root, Dora's registry pubkey map).
/// </summary>
public interface IOperatorKeys
{
    /// <summary>The operator's coordinator key, or null when the address has none.</summary>
    BabyJubjubPoint? CoordinatorKey(Context ctx, ReadOnlySpan<byte> operatorAddress);
}
