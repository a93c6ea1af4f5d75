using Maci.Sdk.Errors;

namespace Maci.Sdk.Tx;

/// <summary>
/// Checks and charges a transaction before its messages run (signatures, sequences, fees). Runs in a
/// cache that is written only when it succeeds; <see cref="Context.Mode"/> tells check, simulate or finalize.
/// </summary>
public interface IAnteHandler
{
    SdkError? Run(Context ctx, SdkTx tx);
}
