using System.Diagnostics;
using Maci.Storage;

namespace Maci.Bench;

/// <summary>
/// Storage suite: per block of 1,000 transactions × 4 writes (each transaction on its own branch),
/// the time to execute the writes, to compute the app hash (Merkle update) and to commit (one synced
/// RocksDB batch), over a state preloaded with --keys entries; then the time to reopen (tree rebuild).
/// Prints medians over --blocks blocks.
/// </summary>
public static class StorageBench
{
    public static int Run(string[] args)
    {
        var keys = Option(args, "--keys", 200_000);
        var blocks = Option(args, "--blocks", 30);
        Console.WriteLine($"storage: {blocks} blocks of 1000 tx x 4 writes over {keys:N0} preloaded keys");
        var dir = Path.Combine(Path.GetTempPath(), "maci-bench-storage-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var rocks = CommitStore.Open(dir))
                Measure("rocksdb (sync)", rocks, keys, blocks);
            var open = Stopwatch.StartNew();
            using (var reopened = CommitStore.Open(dir))
                Console.WriteLine($"  reopen (rebuilds the Merkle tree from {keys:N0}+ keys): {open.Elapsed.TotalMilliseconds:F0} ms wall, height {reopened.LastCommitted.Height}");
            using (var mem = CommitStore.InMemory())
                Measure("in-memory", mem, keys, blocks);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static void Measure(string name, CommitStore store, int keys, int blocks)
    {
        var modules = new[] { store.RegisterModule("bank"), store.RegisterModule("rounds") };
        var rng = new Random(42);
        long height = 0;
        for (var loaded = 0; loaded < keys; loaded += 20_000)
        {
            for (var i = loaded; i < Math.Min(keys, loaded + 20_000); i++)
                store.Working.Module(modules[i & 1]).Set(BitConverter.GetBytes(i), Value(rng));
            store.Commit(++height);
        }

        var exec = new List<double>();
        var hash = new List<double>();
        var commit = new List<double>();
        var hashCpu = new List<double>();
        var commitCpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var b = 0; b < blocks + 3; b++)
        {
            var sw = Stopwatch.StartNew();
            for (var tx = 0; tx < 1000; tx++)
            {
                var branch = store.Working.Branch();
                for (var w = 0; w < 4; w++)
                {
                    // Mostly updates of existing keys, some inserts and deletes.
                    var module = branch.Module(modules[rng.Next(2)]);
                    var key = BitConverter.GetBytes(rng.Next(keys + keys / 10));
                    if (rng.Next(20) == 0) module.Delete(key);
                    else module.Set(key, Value(rng));
                }
                branch.Write();
            }
            var t1 = sw.Elapsed.TotalMilliseconds;
            var c1 = CpuMs(process);
            store.ComputeAppHash();
            var t2 = sw.Elapsed.TotalMilliseconds;
            var c2 = CpuMs(process);
            store.Commit(++height);
            var t3 = sw.Elapsed.TotalMilliseconds;
            var c3 = CpuMs(process);
            if (b < 3) continue; // warm-up
            exec.Add(t1);
            hash.Add(t2 - t1);
            commit.Add(t3 - t2);
            hashCpu.Add(c2 - c1);
            commitCpu.Add(c3 - c2);
        }
        var total = Median(exec) + Median(hash) + Median(commit);
        Console.WriteLine($"  {name,-15} execute {Median(exec),7:F2} ms   app hash {Median(hash),7:F2} ms " +
                          $"({Median(hash) * 1000 / 4000:F2} µs/write)   commit {Median(commit),7:F2} ms   total {total,7:F2} ms (median wall)");
        Console.WriteLine($"  {"",-15} process CPU: app hash {Median(hashCpu),7:F2} ms   commit {Median(commitCpu),7:F2} ms (median; all threads)");
        Console.WriteLine($"  {"",-15} system load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    }

    private static double CpuMs(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static byte[] Value(Random rng)
    {
        var v = new byte[rng.Next(16, 80)];
        rng.NextBytes(v);
        return v;
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
