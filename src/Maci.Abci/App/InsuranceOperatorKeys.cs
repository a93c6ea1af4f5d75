using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;

namespace Maci.Abci.App;

/// <summary>
/// A round's coordinator key is its operator's key in the insurance registry. Only active operators serve
/// rounds: a deregistered record keeps its old key for the track record, but the key has been released.
/// </summary>
public sealed class InsuranceOperatorKeys(InsuranceKeeper insurance) : IOperatorKeys
{
    public BabyJubjubPoint? CoordinatorKey(Context ctx, ReadOnlySpan<byte> operatorAddress) =>
        insurance.GetOperator(ctx, operatorAddress) is { Status: OperatorStatus.Active, PubKey: { } k } ? new BabyJubjubPoint(Fr.Parse(k.X), Fr.Parse(k.Y)) : null;
}
