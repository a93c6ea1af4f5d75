using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Crypto.Cosmos;
using Maci.Node.Cli;
using Maci.Proto.Tendermint.Abci;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Bench;

/// <summary>What the app-level suites share: SIGN_MODE_DIRECT signing, FinalizeBlock requests and medians.</summary>
internal static class BenchTx
{
    /// <summary>A TxRaw signed by <paramref name="key"/> (public key in the signer info) with a umaci fee, as macid's CLI builds it.</summary>
    public static byte[] Sign(Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string chainId, ulong gasLimit, string fee,
        params IMessage[] messages) =>
        TxBuilder.Sign(TxBuilder.Body(messages, ""), key, accountNumber, sequence, chainId, [new ProtoCoin { Denom = "umaci", Amount = fee }], gasLimit);

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
