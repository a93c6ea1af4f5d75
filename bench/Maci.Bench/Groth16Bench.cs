using System.Diagnostics;
using System.Text.Json;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Bench;

/// <summary>
/// Suite "groth16": BN254 field multiplication, pairing pieces, and Groth16 verification of a real Dora aMACI proof,
/// with snarkjs's in-process groth16.verify timed on the same proof for comparison.
/// Option --fields stops after the field and tower lines (quick A/B runs of the Montgomery core).
/// </summary>
public static class Groth16Bench
{
    public static int Run(string[] args)
    {
        var root = FindRoot();
        using var vkeys = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "fixtures", "dora-amaci", "vkeys.json")));
        var vk = VerifyingKeyJson.FromEvmHexObject(vkeys.RootElement.GetProperty("2-1-1-5").GetProperty("tally"));
        using var round = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "fixtures", "dora-amaci", "round-2-1-1-5.json")));
        var entry = round.RootElement.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "processTally");
        var p = entry.GetProperty("data").GetProperty("proof");
        string a = p.GetProperty("pi_a").GetString()!, b = p.GetProperty("pi_b").GetString()!, c = p.GetProperty("pi_c").GetString()!;
        var words = entry.GetProperty("inputs").EnumerateArray().Select(x => Fr.Parse(x.GetString()!)).ToArray();
        var proof = Proof.FromEvmHex(a, b, c);
        var input = InputHash.Compute(words);
        var pvk = vk.Prepared;
        if (!Groth16Verifier.Verify(pvk, proof, [input])) { Console.Error.WriteLine("fixture proof does not verify"); return 1; }

        Console.WriteLine("groth16 suite: medians of thread CPU time per operation (robust to a loaded machine)");
        Console.WriteLine("  Dora aMACI 2-1-1-5 tally proof, 1 public input");
        var f12 = Pairing.MillerLoop([G1Affine.Generator], [G2Affine.Generator]);
        G1Affine g1 = G1Affine.Generator;
        G2Affine g2 = G2Affine.Generator;
        Report("Fp mul", PerOp(FpMulChain));
        Report("Fr mul", PerOp(FrMulChain));
        Report("Fp square", PerOp(n => { var x = Fp.FromUInt64(7); for (int i = 0; i < n; i++) Fp.Square(x, out x); return x.IsZero; }));
        Report("Fr square", PerOp(n => { var x = Fr.FromUInt64(7); for (int i = 0; i < n; i++) Fr.Square(x, out x); return x.IsZero; }));
        var f2 = f12.C0.B1;
        var f6 = f12.C1;
        Report("Fp add", PerOp(n => { var x = f2.C0; for (int i = 0; i < n; i++) Fp.Add(x, f2.C1, out x); return x.IsZero; }));
        Report("Fp2 mul", PerOp(n => { var x = f2; for (int i = 0; i < n; i++) Fp2.Mul(x, f2, out x); return x.IsZero; }));
        Report("Fp6 mul", PerOp(n => { var x = f6; for (int i = 0; i < n; i++) Fp6.Mul(x, f6, out x); return x.IsZero; }));
        Report("Fp12 mul", PerOp(n => { var x = f12; for (int i = 0; i < n; i++) Fp12.Mul(x, f12, out x); return x.IsOne; }));
        if (args.Contains("--fields")) return 0;
        Report("Miller loop, 1 pair", PerOp(n => Repeat(n, () => Pairing.MillerLoop([g1], [g2]).IsOne)));
        Report("final exponentiation", PerOp(n => Repeat(n, () => Pairing.FinalExponentiation(f12).IsOne)));
        Report("pairing e(P, Q)", PerOp(n => Repeat(n, () => Pairing.Pair(g1, g2).IsOne)));
        Report("G1 scalar mul, double-and-add", PerOp(n => Repeat(n, () => { G1Jacobian.Multiply(vk.IC[1], input, out var t); return t.IsInfinity; })));
        var icTable = new G1FixedBase(vk.IC[1]);
        Report("G1 scalar mul, fixed-base table", PerOp(n => Repeat(n, () => { icTable.Multiply(input, out var t); return t.IsInfinity; })));
        Report("G2 subgroup check", PerOp(n => Repeat(n, () => proof.B.IsInSubgroup)));
        Report("input hash (4 words)", PerOp(n => Repeat(n, () => InputHash.Compute(words).IsZero)));
        var verify = PerOp(n => Repeat(n, () => Groth16Verifier.Verify(pvk, proof, [input])));
        Report("Groth16 verify (prepared key)", verify);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Groth16Verifier.Verify(pvk, proof, [input]);
        Console.WriteLine($"  {"allocated per verify",-34} {(GC.GetAllocatedBytesForCurrentThread() - before) / 10,12} B");
        Report("decode + hash + verify", PerOp(n => Repeat(n, () => Groth16Verifier.Verify(pvk, Proof.FromEvmHex(a, b, c), [InputHash.Compute(words)]))));
        Report("prepare key", PerOp(n => Repeat(n, () => new VerifyingKey(vk.Alpha1, vk.Beta2, vk.Gamma2, vk.Delta2, vk.IC).Prepared is not null)));

        var js = SnarkjsMedianMs(root, vk, proof, input);
        if (js is null) return 1;
        Console.WriteLine($"  {"snarkjs groth16.verify, wall",-34} {js.Value.WallMs * 1000,12:F1} µs");
        Console.WriteLine($"  {"snarkjs groth16.verify, CPU",-34} {js.Value.CpuMs * 1000,12:F1} µs");
        Console.WriteLine($"  {"ratio snarkjs CPU / C# verify",-34} {js.Value.CpuMs * 1e6 / verify.Median,12:F1} x");
        return 0;
    }

    private static bool FpMulChain(int n)
    {
        var x = Fp.FromUInt64(7);
        var y = Fp.FromUInt64(123456789);
        for (int i = 0; i < n; i++) Fp.Mul(x, y, out x);
        return x.IsZero;
    }

    private static bool FrMulChain(int n)
    {
        var x = Fr.FromUInt64(7);
        var y = Fr.FromUInt64(123456789);
        for (int i = 0; i < n; i++) Fr.Mul(x, y, out x);
        return x.IsZero;
    }

    private static bool Repeat(int n, Func<bool> op)
    {
        bool r = false;
        for (int i = 0; i < n; i++) r ^= op();
        return r;
    }

    /// <summary>
    /// Median (and minimum, the closest to the uncontended cost) CPU time per operation in nanoseconds: the batch size is calibrated to about 20 ms of CPU per sample,
    /// after a warm-up long enough for tiered compilation to finish.
    /// </summary>
    private static (double Median, double Min) PerOp(Func<int, bool> run)
    {
        int n = 1;
        while (true)
        {
            long t0 = ThreadCpu.NanosecondsOrWall();
            GC.KeepAlive(run(n));
            long dt = ThreadCpu.NanosecondsOrWall() - t0;
            if (dt > 20_000_000 || n >= 1 << 26) break;
            n = dt < 1_000_000 ? n * 8 : (int)Math.Min(1L << 26, n * 20_000_000L / Math.Max(dt, 1));
        }
        for (int i = 0; i < 5; i++) GC.KeepAlive(run(n)); // warm-up: ~100 ms of CPU
        var samples = new double[11];
        for (int s = 0; s < samples.Length; s++)
        {
            long t0 = ThreadCpu.NanosecondsOrWall();
            GC.KeepAlive(run(n));
            samples[s] = (double)(ThreadCpu.NanosecondsOrWall() - t0) / n;
        }
        return (MedianOf(samples), samples.Min());
    }

    private static double MedianOf(double[] xs)
    {
        Array.Sort(xs);
        return xs[xs.Length / 2];
    }

    private static void Report(string what, (double Median, double Min) t)
    {
        if (t.Median < 10_000) Console.WriteLine($"  {what,-34} {t.Median,12:F1} ns   (min {t.Min,10:F1} ns)");
        else Console.WriteLine($"  {what,-34} {t.Median / 1000.0,12:F1} µs   (min {t.Min / 1000.0,10:F1} µs)");
    }

    private static (double WallMs, double CpuMs)? SnarkjsMedianMs(string root, VerifyingKey vk, Proof proof, Fr input)
    {
        var request = "{\"vk\":" + SnarkjsJson.WriteVerifyingKey(vk) + ",\"proof\":" + SnarkjsJson.WriteProof(proof) +
                      ",\"publicSignals\":" + SnarkjsJson.WritePublicSignals([input]) + ",\"iterations\":50,\"warmup\":5}";
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(root, "tests", "js"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("groth16/verify.mjs");
        using var proc = Process.Start(psi)!;
        var stdout = proc.StandardOutput.ReadToEndAsync();
        var stderr = proc.StandardError.ReadToEndAsync();
        proc.StandardInput.Write(request);
        proc.StandardInput.Close();
        proc.WaitForExit();
        if (proc.ExitCode != 0)
        {
            Console.Error.WriteLine($"snarkjs run failed (run `npm ci` in tests/js): {stderr.Result}");
            return null;
        }
        using var doc = JsonDocument.Parse(stdout.Result);
        if (!doc.RootElement.GetProperty("ok").GetBoolean())
        {
            Console.Error.WriteLine("snarkjs rejected the fixture proof");
            return null;
        }
        return (doc.RootElement.GetProperty("medianMs").GetDouble(), doc.RootElement.GetProperty("medianCpuMs").GetDouble());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Maci.Chain.sln"))) return dir.FullName;
        throw new InvalidOperationException("Maci.Chain.sln not found above " + AppContext.BaseDirectory);
    }
}
