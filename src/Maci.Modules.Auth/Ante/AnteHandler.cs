using Maci.Modules.Auth.Keeper;
using Maci.Modules.Auth.Types;
using Maci.Sdk;
using Maci.Sdk.Crypto;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// The ante chain, in order: gas limit → basic shape and sign mode → timeout → tx-size gas → accounts
/// exist → sequences → public keys → fee → signatures → sequence increment. The chain id and account
/// number are bound by the signature (a wrong one fails verification with code 4, as in the SDK).
/// </summary>
public sealed class AnteHandler : IAnteHandler
{
    private readonly IAnteDecorator[] _chain;

    public AnteHandler(AccountKeeper accounts, IFeeBank bank, ISecp256k1 crypto, AnteOptions options, ISignatureCache? cache = null)
    {
        _chain =
        [
            new GasLimitDecorator(options),
            new BasicValidationDecorator(accounts),
            new TimeoutDecorator(),
            new TxSizeGasDecorator(accounts),
            new AccountsDecorator(accounts),
            new SequenceDecorator(),
            new PubKeyDecorator(accounts, crypto),
            new FeeDecorator(options, bank),
            new SignatureDecorator(accounts, crypto, cache),
            new IncrementSequenceDecorator(accounts),
        ];
    }

    public SdkError? Run(Context ctx, SdkTx tx)
    {
        var state = new AnteState();
        foreach (var step in _chain)
            if (step.Handle(ctx, tx, state) is { } err) return err;
        return null;
    }
}
