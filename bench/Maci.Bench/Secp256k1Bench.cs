using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Maci.Crypto.Cosmos;

namespace Maci.Bench;

/// <summary>
/// `bench secp256k1 [--quick]`: medians of Cosmos secp256k1 verify / sign / public key / address in C#
/// (Maci.Crypto.Cosmos over Portable.BouncyCastle), and CosmJS 0.39's verify and sign measured in the same run
/// (tests/js/cosmos/secp256k1-bench.mjs) for the ratio. Each figure is given as wall time and as process CPU
/// time per operation: on a shared, oversubscribed machine the CPU figure is the one to compare.
/// </summary>
public static partial class Secp256k1Bench
{
    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var ops = quick ? 50 : 200;
        var rounds = quick ? 5 : 15;

        var keys = Enumerable.Range(0, ops).Select(_ => Secp256k1.GeneratePrivateKey()).ToArray();
        var pubs = keys.Select(k => Secp256k1.PublicKeyFromPrivate(k)).ToArray();
        var hashes = keys.Select(_ => SHA256.HashData(RandomNumberGenerator.GetBytes(200))).ToArray();
        var sigs = keys.Select((k, i) => Secp256k1.Sign(k, hashes[i])).ToArray();

        Console.WriteLine($"secp256k1 ({ops} ops per round, {rounds} rounds; median µs/op, wall and process CPU)");
        var verify = Measure(ops, rounds, i =>
        {
            if (!Secp256k1.Verify(pubs[i], hashes[i], sigs[i])) throw new InvalidOperationException("verify failed");
        });
        Print("C# verify (BouncyCastle 1.8.10)", verify);
        var sign = Measure(ops, rounds, i => Secp256k1.Sign(keys[i], hashes[i]));
        Print("C# sign (RFC 6979, low-s)", sign);
        Print("C# public key from private", Measure(ops, rounds, i => Secp256k1.PublicKeyFromPrivate(keys[i])));
        Print("C# address (sha256+ripemd160)", Measure(ops, rounds, i => CosmosAddress.FromPublicKey(pubs[i])));
        Print("C# bech32 encode+decode", Measure(ops, rounds, i => Bech32.Decode(CosmosAddress.ToBech32(CosmosAddress.FromPublicKey(pubs[i]), "maci"))));

        var js = RunCosmJs(ops, rounds);
        if (js is null)
            return 1;
        Print("CosmJS verify (noble-curves)", js.Value.Verify);
        Print("CosmJS sign", js.Value.Sign);
        Console.WriteLine($"  {"ratio verify C#/CosmJS",-34} {verify.Wall / js.Value.Verify.Wall,10:F2} wall       {verify.Cpu / js.Value.Verify.Cpu,10:F2} cpu  (< 1: C# faster)");
        Console.WriteLine($"  {"ratio sign C#/CosmJS",-34} {sign.Wall / js.Value.Sign.Wall,10:F2} wall       {sign.Cpu / js.Value.Sign.Cpu,10:F2} cpu");
        Console.WriteLine($"  {"C# verifies per CPU-second",-34} {1e6 / verify.Cpu,10:F0}");
        return 0;
    }

    private static Figure Measure(int ops, int rounds, Action<int> op)
    {
        for (var i = 0; i < ops; i++) op(i); // warm-up round (JIT, BouncyCastle precomputation)
        var wall = new double[rounds];
        var cpu = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var cpu0 = ProcessCpuMicroseconds();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < ops; i++) op(i);
            wall[r] = sw.Elapsed.TotalMicroseconds / ops;
            cpu[r] = (ProcessCpuMicroseconds() - cpu0) / ops;
        }
        return new Figure(Median(wall), Median(cpu));
    }

    private static double Median(double[] xs)
    {
        Array.Sort(xs);
        return xs[xs.Length / 2];
    }

    private static void Print(string what, Figure f) =>
        Console.WriteLine($"  {what,-34} {f.Wall,10:F1} µs/op wall {f.Cpu,10:F1} µs/op cpu");

    private readonly record struct Figure(double Wall, double Cpu);

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec ts);

    /// <summary>CPU time of the whole process (CLOCK_PROCESS_CPUTIME_ID, ns resolution; TotalProcessorTime ticks at 10 ms).</summary>
    private static double ProcessCpuMicroseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(2, out var ts) == 0)
            return ts.Seconds * 1e6 + ts.Nanoseconds / 1e3;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;
    }

    private static (Figure Verify, Figure Sign)? RunCosmJs(int ops, int rounds)
    {
        var jsDir = FindJsDir();
        if (jsDir is null || !Directory.Exists(Path.Combine(jsDir, "node_modules")))
        {
            Console.Error.WriteLine("  CosmJS comparison skipped: tests/js/node_modules is missing (run npm ci in tests/js)");
            return null;
        }
        var psi = new ProcessStartInfo("node") { WorkingDirectory = jsDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "cosmos/secp256k1-bench.mjs", ops.ToString(), rounds.ToString() }) psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stderr = proc.StandardError.ReadToEndAsync();
        var stdout = proc.StandardOutput.ReadToEnd();
        proc.WaitForExit();
        if (proc.ExitCode != 0)
        {
            Console.Error.WriteLine($"  CosmJS bench failed ({proc.ExitCode}): {stderr.Result}");
            return null;
        }
        using var doc = JsonDocument.Parse(stdout);
        Figure Read(string name) => new(doc.RootElement.GetProperty(name).GetProperty("wall").GetDouble(),
            doc.RootElement.GetProperty(name).GetProperty("cpu").GetDouble());
        return (Read("verify"), Read("sign"));
    }

    private static string? FindJsDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Maci.Chain.sln")))
                return Path.Combine(dir.FullName, "tests", "js");
        return null;
    }
}
