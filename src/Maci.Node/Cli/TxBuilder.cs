using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Crypto.Cosmos;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;

namespace Maci.Node.Cli;

/// <summary>Builds Cosmos SDK txs for one secp256k1 signer: the simulate form (empty fee/signature) and the SIGN_MODE_DIRECT signed TxRaw.</summary>
public static class TxBuilder
{
    public static Any PubKeyAny(ReadOnlySpan<byte> compressedPubKey) => new()
    {
        TypeUrl = "/cosmos.crypto.secp256k1.PubKey",
        Value = new Maci.Proto.Cosmos.Crypto.Secp256k1.PubKey { Key = ByteString.CopyFrom(compressedPubKey) }.ToByteString(),
    };

    public static TxBody Body(IEnumerable<IMessage> messages, string memo)
    {
        var body = new TxBody { Memo = memo };
        foreach (var m in messages) body.Messages.Add(Any.Pack(m, ""));
        return body;
    }

    public static AuthInfo AuthInfo(ReadOnlySpan<byte> pubKey, ulong sequence, SignMode mode, IEnumerable<Coin> fee, ulong gasLimit)
    {
        var info = new AuthInfo
        {
            Fee = new Fee { GasLimit = gasLimit },
        };
        info.Fee.Amount.AddRange(fee);
        info.SignerInfos.Add(new SignerInfo
        {
            PublicKey = PubKeyAny(pubKey),
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = mode } },
            Sequence = sequence,
        });
        return info;
    }

    /// <summary>The tx CosmJS sends to Simulate: unspecified sign mode, empty fee, one empty signature.</summary>
    public static byte[] SimulateTx(TxBody body, ReadOnlySpan<byte> pubKey, ulong sequence)
    {
        var raw = new TxRaw
        {
            BodyBytes = body.ToByteString(),
            AuthInfoBytes = AuthInfo(pubKey, sequence, SignMode.Unspecified, [], 0).ToByteString(),
        };
        raw.Signatures.Add(ByteString.Empty);
        return raw.ToByteArray();
    }

    public static byte[] Sign(TxBody body, Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string chainId,
        IEnumerable<Coin> fee, ulong gasLimit)
    {
        var bodyBytes = body.ToByteString();
        var authBytes = AuthInfo(key.PublicKey, sequence, SignMode.Direct, fee, gasLimit).ToByteString();
        var signDoc = new SignDoc { BodyBytes = bodyBytes, AuthInfoBytes = authBytes, ChainId = chainId, AccountNumber = accountNumber };
        var signature = key.Sign(SHA256.HashData(signDoc.ToByteArray()));
        var raw = new TxRaw { BodyBytes = bodyBytes, AuthInfoBytes = authBytes };
        raw.Signatures.Add(ByteString.CopyFrom(signature));
        return raw.ToByteArray();
    }
}
