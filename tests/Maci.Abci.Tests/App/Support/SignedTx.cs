using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Abci.Tests.App.Support;

/// <summary>Builds SIGN_MODE_DIRECT transactions as CosmJS does, each knob overridable to break one rule.</summary>
public sealed record SignedTx
{
    public required TestAccount Signer { get; init; }
    public IMessage[] Messages { get; init; } = [];
    public ulong Sequence { get; init; }
    public ulong AccountNumber { get; init; }
    public string ChainId { get; init; } = "maci-devnet-1";
    public ulong GasLimit { get; init; } = 200_000;
    public ulong FeeAmount { get; init; } = 500;
    public string FeeDenom { get; init; } = "umaci";
    public ulong TimeoutHeight { get; init; }
    public string Memo { get; init; } = "";
    public SignMode Mode { get; init; } = SignMode.Direct;
    public bool IncludePublicKey { get; init; } = true;
    public TestAccount? KeyInTx { get; init; }
    public bool HighS { get; init; }
    public bool NoSignature { get; init; }
    public bool CorruptSignature { get; init; }

    public static Any Pack(IMessage m) => new() { TypeUrl = "/" + m.Descriptor.FullName, Value = m.ToByteString() };

    public static MsgSend Send(TestAccount from, string to, ulong amount, string denom = "umaci") => new()
    {
        FromAddress = from.Bech32,
        ToAddress = to,
        Amount = { new ProtoCoin { Denom = denom, Amount = amount.ToString() } },
    };

    public TxBody Body()
    {
        var body = new TxBody { Memo = Memo, TimeoutHeight = TimeoutHeight };
        body.Messages.AddRange(Messages.Select(Pack));
        return body;
    }

    public AuthInfo AuthInfo()
    {
        var info = new SignerInfo { ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = Mode } }, Sequence = Sequence };
        if (IncludePublicKey)
            info.PublicKey = Pack(new PubKey { Key = ByteString.CopyFrom((KeyInTx ?? Signer).PublicKey) });
        var fee = new Fee { GasLimit = GasLimit };
        if (FeeAmount > 0) fee.Amount.Add(new ProtoCoin { Denom = FeeDenom, Amount = FeeAmount.ToString() });
        var auth = new AuthInfo { Fee = fee };
        auth.SignerInfos.Add(info);
        return auth;
    }

    public byte[] Bytes()
    {
        var body = Body().ToByteString();
        var auth = AuthInfo().ToByteString();
        var doc = new SignDoc { BodyBytes = body, AuthInfoBytes = auth, ChainId = ChainId, AccountNumber = AccountNumber };
        var raw = new TxRaw { BodyBytes = body, AuthInfoBytes = auth };
        if (!NoSignature)
        {
            var sig = Signer.Sign(doc.ToByteArray(), HighS);
            if (CorruptSignature) sig[10] ^= 0x01;
            raw.Signatures.Add(ByteString.CopyFrom(sig));
        }
        return raw.ToByteArray();
    }

    /// <summary>The tx CosmJS sends to Simulate: UNSPECIFIED mode, empty fee, one empty signature.</summary>
    public byte[] SimulationBytes()
    {
        var auth = new AuthInfo { Fee = new Fee() };
        auth.SignerInfos.Add(new SignerInfo
        {
            PublicKey = Pack(new PubKey { Key = ByteString.CopyFrom(Signer.PublicKey) }),
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.Unspecified } },
            Sequence = Sequence,
        });
        var raw = new TxRaw { BodyBytes = Body().ToByteString(), AuthInfoBytes = auth.ToByteString() };
        raw.Signatures.Add(ByteString.Empty);
        return raw.ToByteArray();
    }
}
