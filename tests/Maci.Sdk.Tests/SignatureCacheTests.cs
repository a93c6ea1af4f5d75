using Maci.Modules.Auth.Ante;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk.Crypto;
using Maci.Sdk.Tests.Support;
using Maci.Sdk.Tx;

namespace Maci.Sdk.Tests;

public class SignatureCacheTests
{
    private static readonly TestKey Alice = TestKey.FromSeed("alice");

    private static DecodedTx Tx(ulong accountNumber, string chainId = "maci-devnet-1")
    {
        var b = new TxBuilder { AccountNumber = accountNumber, ChainId = chainId }.Add(new MsgSend
        {
            FromAddress = "a", ToAddress = "b",
            Amount = { new Proto.Cosmos.Base.V1Beta1.Coin { Denom = "umaci", Amount = "1" } },
        });
        var options = new TxDecodeOptions(1 << 20, u => u == "/cosmos.bank.v1beta1.MsgSend" ? MsgSend.Descriptor : null);
        Assert.Null(TxDecoder.TryDecode(b.Sign(Alice), options, out var tx));
        return tx;
    }

    [Fact]
    public void Verdicts_match_direct_verification_and_are_reused_only_for_identical_inputs()
    {
        var cache = new SignatureCache(CosmosSecp256k1.Instance);
        var tx = Tx(7);
        var right = new SignatureCheck(Alice.PublicKey, 7, "maci-devnet-1");
        var wrongNumber = right with { AccountNumber = 8 };
        var wrongChain = right with { ChainId = "other" };
        cache.VerifyMissing([(tx, [right])], 2);
        Assert.True(cache.TryGet(tx, 0, right, out var ok) && ok);
        Assert.False(cache.TryGet(tx, 0, wrongNumber, out _)); // different inputs: not a hit
        Assert.False(SignatureCache.Verify(CosmosSecp256k1.Instance, tx, 0, wrongNumber));
        Assert.False(SignatureCache.Verify(CosmosSecp256k1.Instance, tx, 0, wrongChain));
        cache.VerifyMissing([(tx, [wrongNumber])], 2);
        Assert.True(cache.TryGet(tx, 0, wrongNumber, out var bad) && !bad);
        Assert.False(cache.TryGet(Tx(9), 0, right, out _)); // other tx bytes
    }

    [Fact]
    public void Capacity_evicts_oldest_first()
    {
        var cache = new SignatureCache(CosmosSecp256k1.Instance, capacity: 2);
        var txs = new[] { Tx(1), Tx(2), Tx(3) };
        for (var i = 0; i < 3; i++) cache.Record(txs[i], 0, new SignatureCheck(Alice.PublicKey, (ulong)i + 1, "c"), true);
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet(txs[0], 0, new SignatureCheck(Alice.PublicKey, 1, "c"), out _));
        Assert.True(cache.TryGet(txs[2], 0, new SignatureCheck(Alice.PublicKey, 3, "c"), out _));
    }
}
