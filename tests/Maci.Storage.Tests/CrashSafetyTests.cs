using System.Diagnostics;
using Maci.Storage.Tests.Support;

namespace Maci.Storage.Tests;

/// <summary>
/// A child process commits workload blocks and is killed with SIGKILL at random moments (often in
/// the middle of a commit); each reopen must show exactly a committed height with the state and app
/// hash that an in-memory replay of the same blocks produces.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Killed_writer_reopens_exactly_at_its_last_commit()
    {
        var path = _dir.Sub("state");
        var rng = new Random(2024);
        var printed = new Dictionary<long, string>();
        long lastPrinted = 0;
        for (var round = 0; round < 5; round++)
        {
            var (seen, hashes) = await RunAndKill(path, commitsBeforeKill: rng.Next(1, 4), extraDelayMs: rng.Next(0, 25));
            foreach (var (h, hash) in hashes) printed[h] = hash;
            Assert.True(seen >= lastPrinted);
            lastPrinted = seen;

            using var store = CommitStore.Open(path);
            var modules = CrashWorkload.Register(store);
            var height = store.LastCommitted.Height;
            // The kill may land after a commit is durable but before its line was printed.
            Assert.InRange(height, lastPrinted, lastPrinted + 1);
            if (printed.TryGetValue(height, out var hex))
                Assert.Equal(hex, Convert.ToHexString(store.LastCommitted.AppHash));
            lastPrinted = height;

            using var replay = CommitStore.InMemory();
            var replayModules = CrashWorkload.Register(replay);
            for (var h = 1; h <= height; h++)
            {
                CrashWorkload.ApplyBlock(replay, replayModules, h);
                replay.Commit(h);
            }
            Assert.Equal(replay.LastCommitted, store.LastCommitted);
            using var expected = replay.OpenSnapshot();
            using var actual = store.OpenSnapshot();
            for (var i = 0; i < modules.Length; i++)
                Kv.Equal(Kv.All(expected.Module(replayModules[i])), Kv.All(actual.Module(modules[i])));
        }
        Assert.True(lastPrinted >= 5, $"only {lastPrinted} blocks committed");
    }

    private static async Task<(long LastSeen, List<(long, string)> Hashes)> RunAndKill(string path, int commitsBeforeKill, int extraDelayMs)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(typeof(CrashWriterProgram).Assembly.Location);
        psi.ArgumentList.Add("crash-writer");
        psi.ArgumentList.Add(path);
        using var child = Process.Start(psi) ?? throw new InvalidOperationException("could not start the crash writer");
        var stderr = child.StandardError.ReadToEndAsync();
        var hashes = new List<(long, string)>();
        long last = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var commits = 0;
        while (commits < commitsBeforeKill)
        {
            var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                       ?? throw new InvalidOperationException($"crash writer exited early: {await stderr}");
            var parts = line.Split(' ');
            if (parts[0] != "committed") continue;
            last = long.Parse(parts[1]);
            hashes.Add((last, parts[2]));
            commits++;
        }
        if (extraDelayMs > 0) await Task.Delay(extraDelayMs);
        child.Kill(); // SIGKILL on Unix: no finalizers, no flush, no RocksDB shutdown.
        await child.WaitForExitAsync(timeout.Token);
        // Lines already written before the kill still count.
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
        {
            var parts = rest.Split(' ');
            if (parts[0] != "committed" || parts.Length != 3) continue;
            last = long.Parse(parts[1]);
            hashes.Add((last, parts[2]));
        }
        return (last, hashes);
    }
}
