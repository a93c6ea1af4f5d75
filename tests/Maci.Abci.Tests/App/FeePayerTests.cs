using Google.Protobuf;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Abci.Tests.App;

/// <summary>A separate fee payer becomes an extra signer: one signature per signer, in order.</summary>
public sealed class FeePayerTests : IDisposable
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");
    private static readonly TestAccount Carol = TestAccount.FromSeed("carol");
    private readonly AppHarness _h = new([Alice, Bob]);

    public void Dispose() => _h.Dispose();

    private static byte[] Build(params (TestAccount Key, ulong AccountNumber)[] signers)
    {
        var body = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Carol.Bech32, 10)] }.Body().ToByteString();
        var auth = new AuthInfo
        {
            Fee = new Fee { GasLimit = 200_000, Payer = Bob.Bech32, Amount = { new ProtoCoin { Denom = "umaci", Amount = "700" } } },
        };
        foreach (var (key, _) in new[] { (Alice, 0ul), (Bob, 1ul) })
            auth.SignerInfos.Add(new SignerInfo
            {
                PublicKey = SignedTx.Pack(new PubKey { Key = ByteString.CopyFrom(key.PublicKey) }),
                ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.Direct } },
            });
        var authBytes = auth.ToByteString();
        var raw = new TxRaw { BodyBytes = body, AuthInfoBytes = authBytes };
        foreach (var (key, number) in signers)
        {
            var doc = new SignDoc { BodyBytes = body, AuthInfoBytes = authBytes, ChainId = "maci-devnet-1", AccountNumber = number };
            raw.Signatures.Add(ByteString.CopyFrom(key.Sign(doc.ToByteArray())));
        }
        return raw.ToByteArray();
    }

    [Fact]
    public void The_payer_signs_second_and_pays_the_fee()
    {
        var r = Assert.Single(_h.Block(Build((Alice, 0), (Bob, 1))).TxResults);
        Assert.Equal(0u, r.Code);
        Assert.Equal(AppHarness.StartBalance - 10, _h.Balance(Alice.Bech32));
        Assert.Equal(AppHarness.StartBalance - 700, _h.Balance(Bob.Bech32));
        Assert.Equal(1ul, _h.Sequence(Alice));
        Assert.Equal(1ul, _h.Sequence(Bob));
        Assert.Contains(r.Events, e => e.Type == "tx" && e.Attributes.Any(a => a.Key == "fee_payer" && a.Value == Bob.Bech32));
    }

    [Fact]
    public void A_missing_or_misordered_payer_signature_is_refused()
    {
        Assert.Equal(4u, _h.CheckTx(Build((Alice, 0))).Code);                 // wrong number of signers
        Assert.Equal(4u, _h.CheckTx(Build((Bob, 1), (Alice, 0))).Code);       // order matters
        Assert.Equal(AppHarness.StartBalance, _h.Balance(Bob.Bech32));
    }
}
