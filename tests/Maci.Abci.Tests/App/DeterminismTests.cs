using Maci.Abci.Tests.App.Support;

namespace Maci.Abci.Tests.App;

public sealed class DeterminismTests
{
    private static readonly TestAccount[] Keys = Enumerable.Range(0, 5).Select(i => TestAccount.FromSeed($"det-{i}")).ToArray();

    /// <summary>Random blocks of sends (some failing, some garbage), fixed by a seed.</summary>
    internal static List<byte[][]> RandomBlocks(int seed, int blocks, int txsPerBlock, TestAccount[] keys)
    {
        var rng = new Random(seed);
        var seq = new ulong[keys.Length];
        var result = new List<byte[][]>();
        for (var b = 0; b < blocks; b++)
        {
            var txs = new List<byte[]>();
            for (var t = 0; t < txsPerBlock; t++)
            {
                var from = rng.Next(keys.Length);
                var to = rng.Next(keys.Length);
                var roll = rng.Next(10);
                var amount = roll == 0 ? AppHarness.StartBalance * 2 : (ulong)rng.Next(1, 5_000_000);
                var tx = new SignedTx
                {
                    Signer = keys[from],
                    AccountNumber = (ulong)from,
                    Sequence = roll == 1 ? seq[from] + 3 : seq[from],
                    Messages = [SignedTx.Send(keys[from], keys[to].Bech32, amount)],
                    FeeAmount = 500 + (ulong)rng.Next(100),
                };
                if (roll is not (1 or 2)) seq[from]++; // ante succeeds (also when the send itself fails)
                txs.Add(roll == 2 ? [0x0a, 0x03, 0x01] : tx.Bytes());
            }
            result.Add(txs.ToArray());
        }
        return result;
    }

    [Fact]
    public void Two_fresh_apps_fed_the_same_blocks_agree_on_every_result_and_app_hash()
    {
        using var a = new AppHarness(Keys, parallelism: 1);
        using var b = new AppHarness(Keys, parallelism: 4);
        Assert.Equal(a.GenesisAppHash, b.GenesisAppHash);
        var codes = new HashSet<uint>();
        foreach (var block in RandomBlocks(42, 6, 25, Keys))
        {
            var ra = a.Block(block);
            var rb = b.Block(block);
            Assert.Equal(ra.AppHash, rb.AppHash);
            Assert.Equal(block.Length, ra.TxResults.Count);
            for (var i = 0; i < block.Length; i++)
            {
                Assert.Equal(ra.TxResults[i].Code, rb.TxResults[i].Code);
                Assert.Equal(ra.TxResults[i].Data, rb.TxResults[i].Data);
                Assert.Equal(ra.TxResults[i].GasWanted, rb.TxResults[i].GasWanted);
                Assert.Equal(ra.TxResults[i].GasUsed, rb.TxResults[i].GasUsed);
                Assert.Equal(ra.TxResults[i].Log, rb.TxResults[i].Log);
                codes.Add(ra.TxResults[i].Code);
            }
            Assert.Equal(a.App.LastCommitted, b.App.LastCommitted);
        }
        Assert.Superset(new HashSet<uint> { 0, 2, 5, 32 }, codes); // the mix really exercised failures
    }

    [Fact]
    public void App_hash_changes_with_state_and_not_without()
    {
        using var h = new AppHarness(Keys);
        var empty1 = h.Block().AppHash;
        var empty2 = h.Block().AppHash;
        Assert.Equal(empty1, empty2);
        var after = h.Block(new SignedTx { Signer = Keys[0], Messages = [SignedTx.Send(Keys[0], Keys[1].Bech32, 1)] }.Bytes()).AppHash;
        Assert.NotEqual(empty2, after);
        Assert.Equal(h.App.LastCommitted.AppHash, after.ToByteArray());
    }

    [Fact]
    public void Re_executing_an_uncommitted_block_gives_the_same_result()
    {
        using var h = new AppHarness(Keys);
        var tx = new SignedTx { Signer = Keys[0], Messages = [SignedTx.Send(Keys[0], Keys[1].Bech32, 9)] }.Bytes();
        var first = h.FinalizeOnly(tx);
        var req = new Proto.Tendermint.Abci.RequestFinalizeBlock { Height = 2, Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(AppHarness.GenesisTime.AddSeconds(2)) };
        req.Txs.Add(Google.Protobuf.ByteString.CopyFrom(tx));
        var again = h.App.FinalizeBlockAsync(req, default).AsTask().Result;
        Assert.Equal(first.AppHash, again.AppHash);
        Assert.Equal(first.TxResults[0].Code, again.TxResults[0].Code);
        Assert.Equal(0u, again.TxResults[0].Code);
        h.App.CommitAsync(new Proto.Tendermint.Abci.RequestCommit(), default).AsTask().Wait();
        Assert.Equal(AppHarness.StartBalance + 9, h.Balance(Keys[1].Bech32));
    }
}
