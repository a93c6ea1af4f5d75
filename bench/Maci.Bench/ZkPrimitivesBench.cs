using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Encryption;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Trees;

namespace Maci.Bench;

/// <summary>
/// Suite "zk": Poseidon, EdDSA-Poseidon, ECDH, poseidon-cipher and tree inserts, with the median time per operation,
/// bytes allocated per operation, the goal where one is set, and the ratio to the JS reference measured in the same
/// run (tests/js/crypto/bench.cjs; needs `npm ci` in tests/js, or pass --no-js). Times are thread CPU time on Linux
/// (wall-clock medians are printed too): on a shared, oversubscribed box wall time mostly measures the neighbours.
/// Options: --budget &lt;ms per operation&gt; (default 600), --no-js.
/// </summary>
public static class ZkPrimitivesBench
{
    private sealed record Case(string Name, string About, double? GoalMicros, Action Run);

    public static int Run(string[] args)
    {
        var budget = 600;
        var withJs = true;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-js") withJs = false;
            else if (args[i] == "--budget" && i + 1 < args.Length) budget = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"zk: unknown option {args[i]}"); return 2; }
        }

        var cases = BuildCases();
        var js = withJs ? RunJs(budget) : null;
        Console.WriteLine($"{"operation",-18} {"cpu µs",10} {"wall µs",10} {"B/op",6} {"goal µs",8} {"JS cpu µs",10} {"JS/C#",7}  about");
        var failedGoals = 0;
        foreach (var c in cases)
        {
            var (median, wall, bytes) = Measure(c.Run, budget);
            var jsMedian = js is not null && js.TryGetValue(c.Name, out var j) ? j : (double?)null;
            var goal = c.GoalMicros is { } g ? g.ToString("0", CultureInfo.InvariantCulture) : "-";
            var verdict = c.GoalMicros is { } limit && median > limit ? " (over goal)" : "";
            if (verdict.Length > 0) failedGoals++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-18} {median,10:0.00} {wall,10:0.00} {bytes,6:0} {goal,8} {(jsMedian is { } jm ? jm.ToString("0.00", CultureInfo.InvariantCulture) : "-"),10} {(jsMedian is { } r ? (r / median).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "-"),7}  {c.About}{verdict}"));
        }
        return failedGoals == 0 ? 0 : 1;
    }

    private static List<Case> BuildCases()
    {
        var x = new[] { Fr.FromUInt64(11), Fr.FromUInt64(22), Fr.FromUInt64(33), Fr.FromUInt64(44), Fr.FromUInt64(55) };
        var key = Convert.FromHexString("0001020304050607080900010203040506070809000102030405060708090001");
        var msg = Fr.FromUInt64(1234567890123456789);
        var pub = EdDsaPoseidon.DerivePublicKey(key);
        var sig = EdDsaPoseidon.Sign(key, msg);
        if (!EdDsaPoseidon.Verify(msg, sig, pub)) throw new InvalidOperationException("bench signature does not verify");
        var scalar = Fr.Parse("2736030358979909402780800718157159386076813972158567259200215660948447373040");
        var cipherKey = new BabyJubjubPoint(Fr.FromUInt64(123456789), Fr.FromUInt64(987654321));
        var command = Enumerable.Range(1, 7).Select(i => Fr.FromUInt64((ulong)i)).ToArray();
        var ciphertext = new Fr[PoseidonCipher.CiphertextLength(command.Length)];
        var tree = PoseidonMerkleTree.Quinary(9, PoseidonHash.Hash10(new Fr[10]));
        long next = 0;
        Fr sink = default;

        return
        [
            new("poseidon2", "H2 (t=3)", 15, () => sink = PoseidonHash.Hash2(x[0], x[1])),
            new("poseidon5", "H5 (t=6)", 30, () => sink = PoseidonHash.Hash5(x[0], x[1], x[2], x[3], x[4])),
            new("eddsaSign", "EdDSA-Poseidon sign (2 BLAKE-512, 2 Base8-table mults, H5)", null, () => sink = EdDsaPoseidon.Sign(key, msg).S),
            new("eddsaVerify", "EdDSA-Poseidon verify (H5, Base8 table, 4-bit window on A)", 200, () => { if (!EdDsaPoseidon.Verify(msg, sig, pub)) throw new InvalidOperationException(); }),
            new("ecdh", "shared key: 251-bit scalar × point (4-bit window)", null, () => sink = BabyJubjubPoint.Multiply(pub, scalar).X),
            new("cipherEncrypt7", "poseidon-cipher of a 7-element command", null, () => PoseidonCipher.Encrypt(command, cipherKey, Fr.Zero, ciphertext)),
            new("treeInsertDepth9", "depth-9 quinary insert (9 × H5, in-memory store)", null, () => tree.Update(next++ % 1000, x[0])),
        ];
    }

    private static (double CpuMicros, double WallMicros, double BytesPerOp) Measure(Action run, int budgetMs)
    {
        // Warm up (and let tiered JIT settle), then size the batches to ~budget/14 each and take 7 samples.
        var iterations = 1;
        for (;;)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) run();
            if (sw.Elapsed.TotalMilliseconds > budgetMs / 14.0 || iterations > 1 << 22) break;
            iterations *= 2;
        }
        for (var i = 0; i < iterations; i++) run();
        var cpu = new double[7];
        var wall = new double[7];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var s = 0; s < cpu.Length; s++)
        {
            var c0 = ThreadCpu.Nanoseconds();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) run();
            wall[s] = sw.Elapsed.TotalMicroseconds / iterations;
            cpu[s] = c0 is { } start && ThreadCpu.Nanoseconds() is { } end ? (end - start) / 1000.0 / iterations : wall[s];
        }
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)(iterations * cpu.Length);
        Array.Sort(cpu);
        Array.Sort(wall);
        return (cpu[cpu.Length / 2], wall[wall.Length / 2], bytes);
    }

    private static Dictionary<string, double>? RunJs(int budgetMs)
    {
        var jsDir = FindJsDir();
        if (jsDir is null || !Directory.Exists(Path.Combine(jsDir, "node_modules")))
        {
            Console.Error.WriteLine("zk: tests/js/node_modules not found (run `npm ci` in tests/js); JS ratios skipped");
            return null;
        }
        var psi = new ProcessStartInfo("node") { WorkingDirectory = jsDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("crypto/bench.cjs");
        psi.ArgumentList.Add(budgetMs.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                p.Kill(entireProcessTree: true);
                Console.Error.WriteLine("zk: node bench timed out; JS ratios skipped");
                return null;
            }
            if (p.ExitCode != 0)
            {
                Console.Error.WriteLine($"zk: node bench failed: {stderr.Result}");
                return null;
            }
            return JsonSerializer.Deserialize<Dictionary<string, double>>(stdout.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"zk: cannot start node ({e.Message}); JS ratios skipped");
            return null;
        }
    }

    private static string? FindJsDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Maci.Chain.sln")))
                return Path.Combine(dir.FullName, "tests", "js");
        return null;
    }
}
