using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Crypto.Cosmos;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Bench;

/// <summary>What the app-level suites share: SIGN_MODE_DIRECT signing, FinalizeBlock requests and medians.</summary>
internal static class BenchTx
{
    /// <summary>A TxRaw signed by <paramref name="key"/> (public key in the signer info) with a umaci fee.</summary>
    public static byte[] Sign(Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string chainId, ulong gasLimit, string fee,
        params IMessage[] messages)
    {
        var body = new TxBody();
        foreach (var m in messages) body.Messages.Add(Any.Pack(m, ""));
        var auth = new AuthInfo { Fee = new Fee { GasLimit = gasLimit, Amount = { new ProtoCoin { Denom = "umaci", Amount = fee } } } };
        auth.SignerInfos.Add(new SignerInfo
        {
            PublicKey = Any.Pack(new PubKey { Key = ByteString.CopyFrom(key.PublicKey) }, ""),
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.Direct } },
            Sequence = sequence,
        });
        var doc = new SignDoc { BodyBytes = body.ToByteString(), AuthInfoBytes = auth.ToByteString(), ChainId = chainId, AccountNumber = accountNumber };
        var raw = new TxRaw { BodyBytes = doc.BodyBytes, AuthInfoBytes = doc.AuthInfoBytes };
        raw.Signatures.Add(ByteString.CopyFrom(key.Sign(SHA256.HashData(doc.ToByteArray()))));
        return raw.ToByteArray();
    }

    public static RequestFinalizeBlock FinalizeRequest(long height, long timeSeconds, IEnumerable<byte[]> txs)
    {
        var req = new RequestFinalizeBlock { Height = height, Time = new Timestamp { Seconds = timeSeconds } };
        req.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        return req;
    }

    public static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? 0 : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
