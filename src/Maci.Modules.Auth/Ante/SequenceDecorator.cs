using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>Each signer's declared sequence must equal its account's (code 32, replay protection).</summary>
public sealed class SequenceDecorator : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        for (var i = 0; i < state.Accounts.Length; i++)
        {
            var expected = state.Accounts[i].Sequence;
            var got = tx.Decoded.SignerInfos[i].Sequence;
            if (got != expected)
                return SdkErrors.WrongSequence.Wrap($"account sequence mismatch, expected {expected}, got {got}");
        }
        return null;
    }
}
