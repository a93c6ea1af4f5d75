using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;

namespace Maci.Sdk.Tests.Support;

/// <summary>Builds signed SIGN_MODE_DIRECT transactions the way CosmJS does, with knobs to break them.</summary>
public sealed class TxBuilder
{
    public List<IMessage> Messages { get; } = [];
    public string Memo { get; set; } = "";
    public ulong TimeoutHeight { get; set; }
    public ulong GasLimit { get; set; } = 200_000;
    public List<Coin> Fee { get; } = [];
    public string ChainId { get; set; } = "maci-devnet-1";
    public ulong AccountNumber { get; set; }
    public ulong Sequence { get; set; }
    public SignMode Mode { get; set; } = SignMode.Direct;
    public bool IncludePublicKey { get; set; } = true;
    public bool HighS { get; set; }

    public TxBuilder Add(IMessage msg)
    {
        Messages.Add(msg);
        return this;
    }

    public TxBuilder WithFee(string denom, ulong amount)
    {
        Fee.Add(new Coin { Denom = denom, Amount = amount.ToString() });
        return this;
    }

    public static Any Pack(IMessage msg) => new() { TypeUrl = "/" + msg.Descriptor.FullName, Value = msg.ToByteString() };

    public TxBody Body()
    {
        var body = new TxBody { Memo = Memo, TimeoutHeight = TimeoutHeight };
        body.Messages.AddRange(Messages.Select(Pack));
        return body;
    }

    public AuthInfo AuthInfo(TestKey key)
    {
        var signer = new SignerInfo
        {
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = Mode } },
            Sequence = Sequence,
        };
        if (IncludePublicKey) signer.PublicKey = Pack(new PubKey { Key = ByteString.CopyFrom(key.PublicKey) });
        var auth = new AuthInfo { Fee = new Proto.Cosmos.Tx.V1Beta1.Fee { GasLimit = GasLimit } };
        auth.Fee.Amount.AddRange(Fee);
        auth.SignerInfos.Add(signer);
        return auth;
    }

    public byte[] Sign(TestKey key) => SignRaw(key, Body().ToByteArray(), AuthInfo(key).ToByteArray());

    public byte[] SignRaw(TestKey key, byte[] bodyBytes, byte[] authBytes)
    {
        var doc = new SignDoc
        {
            BodyBytes = ByteString.CopyFrom(bodyBytes),
            AuthInfoBytes = ByteString.CopyFrom(authBytes),
            ChainId = ChainId,
            AccountNumber = AccountNumber,
        };
        var raw = new TxRaw { BodyBytes = doc.BodyBytes, AuthInfoBytes = doc.AuthInfoBytes };
        raw.Signatures.Add(ByteString.CopyFrom(key.Sign(doc.ToByteArray(), HighS)));
        return raw.ToByteArray();
    }
}
