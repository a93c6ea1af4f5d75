using Google.Protobuf;
using Maci.Abci.App;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;

namespace Maci.Abci.Tests.Crash;

/// <summary>
/// The app process is SIGKILLed during FinalizeBlock and during Commit (before and after the store persisted);
/// restarted on the same RocksDB directory it must report exactly the last committed height and app hash and,
/// after CometBFT's replay of the missing blocks, produce the same results as a run that never crashed.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const long Blocks = 5;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "maci-abci-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("finalize:1", 0)]
    [InlineData("finalize:3", 2)]
    [InlineData("commit-before:3", 2)]
    [InlineData("commit-after:3", 3)]
    [InlineData("commit-after:1", 1)]
    public async Task Killed_app_restarts_at_its_last_commit_and_replays_to_identical_results(string crashAt, long expectedHeight)
    {
        var point = CrashPoint.Parse(crashAt);
        var (reference, decided) = await ReferenceRunAsync();
        var results = new Dictionary<long, ResponseFinalizeBlock>();

        await using (var host = await HostProcess.StartAsync(_dir, point))
        {
            Assert.Equal(0, host.ReadyHeight);
            await using var comet = await CometLikeClient.ConnectAsync(host.EndPoint);
            Assert.Equal(0, await ChainScript.HandshakeAsync(comet));
            var scratch = new Dictionary<long, ByteString[]>();
            for (var h = 1; h < point.Height; h++) await ChainScript.ProduceAsync(comet, h, scratch, results);
            // The crash height: the call in flight never gets its answer.
            await Assert.ThrowsAnyAsync<Exception>(() => ChainScript.ProduceAsync(comet, point.Height, scratch, results));
            Assert.Equal(point.Stage != CrashStage.Finalize, results.ContainsKey(point.Height));
            var (exitCode, stderr) = await host.WaitForDeathAsync();
            Assert.Contains($"crash {crashAt}", stderr);
            Assert.Equal(128 + 9, exitCode);
        }

        await using (var host = await HostProcess.StartAsync(_dir, crashAt: null))
        {
            await using var comet = await CometLikeClient.ConnectAsync(host.EndPoint);
            var info = await comet.InfoAsync();
            Assert.Equal(expectedHeight, info.LastBlockHeight);
            Assert.Equal(expectedHeight == 0 ? ByteString.Empty : reference[expectedHeight].AppHash, info.LastBlockAppHash);
            Assert.Equal(expectedHeight, host.ReadyHeight);

            var appHeight = await ChainScript.HandshakeAsync(comet);
            // CometBFT stored the decided blocks up to the crash height; it replays those the app lacks.
            for (var h = appHeight + 1; h <= point.Height; h++)
                await ChainScript.FinalizeAndCommitAsync(comet, h, decided[h], results);
            for (var h = point.Height + 1; h <= Blocks; h++)
                await ChainScript.ProduceAsync(comet, h, new Dictionary<long, ByteString[]>(), results);

            for (var h = 1; h <= Blocks; h++)
            {
                Assert.Equal(reference[h].TxResults.Count, results[h].TxResults.Count);
                for (var i = 0; i < reference[h].TxResults.Count; i++)
                {
                    var (want, got) = (reference[h].TxResults[i], results[h].TxResults[i]);
                    Assert.Equal((want.Code, want.Data, want.GasWanted, want.GasUsed), (got.Code, got.Data, got.GasWanted, got.GasUsed));
                    Assert.Equal(want, got);
                }
                Assert.Equal(reference[h].AppHash, results[h].AppHash);
            }
            var final = await comet.InfoAsync();
            Assert.Equal(Blocks, final.LastBlockHeight);
            Assert.Equal(reference[Blocks].AppHash, final.LastBlockAppHash);
        }
    }

    /// <summary>The same chain in-process over an in-memory store, never interrupted.</summary>
    private static async Task<(Dictionary<long, ResponseFinalizeBlock>, Dictionary<long, ByteString[]>)> ReferenceRunAsync()
    {
        using var store = CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false });
        using var app = new MaciApp(AppConfig.Devnet(), store);
        await using var server = await TestServer.StartAsync(app, TestServer.Unix);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);
        Assert.Equal(0, await ChainScript.HandshakeAsync(comet));
        var decided = new Dictionary<long, ByteString[]>();
        var results = new Dictionary<long, ResponseFinalizeBlock>();
        for (var h = 1; h <= Blocks; h++)
        {
            await ChainScript.ProduceAsync(comet, h, decided, results);
            var codes = results[h].TxResults.Select(r => r.Code).ToArray();
            Assert.Equal(h == 1 ? [] : [0u, 0u, 0u, 5u], codes);
            Assert.Equal(results[h].AppHash, (await comet.InfoAsync()).LastBlockAppHash);
        }
        return (results, decided);
    }
}
