using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>One step of the ante chain. Returns an error to stop the chain (and drop its writes).</summary>
public interface IAnteDecorator
{
    SdkError? Handle(Context ctx, SdkTx tx, AnteState state);
}
