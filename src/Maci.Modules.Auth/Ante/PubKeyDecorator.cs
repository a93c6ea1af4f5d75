using Google.Protobuf;
using Maci.Modules.Auth.Keeper;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Sdk;
using Maci.Sdk.Crypto;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// A public key in the tx must hash to the signer's address (code 8) and is stored on the account the
/// first time; later txs may omit it. Without either, the signer cannot be verified (code 8).
/// </summary>
public sealed class PubKeyDecorator(AccountKeeper accounts, ISecp256k1 crypto) : IAnteDecorator
{
    public const string PubKeyTypeUrl = "/cosmos.crypto.secp256k1.PubKey";

    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var keys = new byte[tx.Signers.Length][];
        for (var i = 0; i < keys.Length; i++)
        {
            var declared = tx.Decoded.SignerInfos[i].PublicKey;
            var account = state.Accounts[i];
            if (!declared.IsEmpty)
            {
                // A key equal to the one already stored matched this address when it was stored, so the
                // (costly) RIPEMD160(SHA256) derivation is needed only for a new or different key.
                var same = account.PubKey?.TypeUrl == PubKeyTypeUrl &&
                           PubKey.Parser.ParseFrom(account.PubKey.Value).Key.Span.SequenceEqual(declared.Span);
                if (!same && !crypto.AddressFromPublicKey(declared.Span).AsSpan().SequenceEqual(tx.Signers[i]))
                    return SdkErrors.InvalidPubKey.Wrap($"pubKey does not match signer address {tx.SignerAddresses[i]} with signer index: {i}");
                keys[i] = declared.ToArray();
                if (account.PubKey is null)
                {
                    account.PubKey = new Google.Protobuf.WellKnownTypes.Any
                    {
                        TypeUrl = PubKeyTypeUrl,
                        Value = new PubKey { Key = ByteString.CopyFrom(keys[i]) }.ToByteString(),
                    };
                    accounts.SetAccount(ctx, account);
                }
                continue;
            }
            if (account.PubKey is null)
            {
                if (ctx.IsSimulate) { keys[i] = []; continue; }
                return SdkErrors.InvalidPubKey.Wrap($"pubkey on account {tx.SignerAddresses[i]} is not set");
            }
            if (account.PubKey.TypeUrl != PubKeyTypeUrl)
                return SdkErrors.InvalidPubKey.Wrap($"unsupported account key type {account.PubKey.TypeUrl}");
            keys[i] = PubKey.Parser.ParseFrom(account.PubKey.Value).Key.ToByteArray();
        }
        state.PublicKeys = keys;
        return null;
    }
}
