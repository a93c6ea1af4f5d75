using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Maci.Crypto.Cosmos;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Maci.Bench;

/// <summary>
/// `bench secp256k1 [--quick]`: medians of Cosmos secp256k1 verify / sign / public key / address in C#
/// (Maci.Crypto.Cosmos, own curve arithmetic), of the Portable.BouncyCastle 1.8.10 ECDSA it replaced, and of
/// CosmJS 0.39's verify and sign (tests/js/cosmos/secp256k1-bench.mjs), all measured in the same run. Each figure is given as wall time and as process CPU
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
        Print("C# verify (Maci secp256k1)", verify);
        var sign = Measure(ops, rounds, i => Secp256k1.Sign(keys[i], hashes[i]));
        Print("C# sign (RFC 6979, low-s)", sign);
        Print("C# public key from private", Measure(ops, rounds, i => Secp256k1.PublicKeyFromPrivate(keys[i])));
        Console.WriteLine($"  {"C# verify allocation",-34} {VerifyAllocatedBytes(pubs, hashes, sigs),10:F1} bytes/op");

        var bc = new BouncyCastleEcdsa();
        var bcVerify = Measure(ops, rounds, i =>
        {
            if (!bc.Verify(pubs[i], hashes[i], sigs[i])) throw new InvalidOperationException("BouncyCastle verify failed");
        });
        Print("BouncyCastle 1.8.10 verify", bcVerify);
        var bcSign = Measure(ops, rounds, i =>
        {
            if (!bc.Sign(keys[i], hashes[i]).AsSpan().SequenceEqual(sigs[i])) throw new InvalidOperationException("signatures differ");
        });
        Print("BouncyCastle 1.8.10 sign", bcSign);
        Console.WriteLine($"  {"ratio verify C#/BouncyCastle",-34} {verify.Wall / bcVerify.Wall,10:F2} wall       {verify.Cpu / bcVerify.Cpu,10:F2} cpu  (< 1: ours faster)");
        Console.WriteLine($"  {"ratio sign C#/BouncyCastle",-34} {sign.Wall / bcSign.Wall,10:F2} wall       {sign.Cpu / bcSign.Cpu,10:F2} cpu");
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

    private static double VerifyAllocatedBytes(byte[][] pubs, byte[][] hashes, byte[][] sigs)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < pubs.Length; i++)
            Secp256k1.Verify(pubs[i], hashes[i], sigs[i]);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)pubs.Length;
    }

    /// <summary>The BouncyCastle ECDSA that Maci.Crypto used before, kept here as the speed baseline.</summary>
    private sealed class BouncyCastleEcdsa
    {
        private static readonly X9ECParameters Params = CustomNamedCurves.GetByName("secp256k1");
        private readonly ECDomainParameters _domain = new(Params.Curve, Params.G, Params.N, Params.H);
        private readonly BcBigInteger _halfN = Params.N.ShiftRight(1);

        public bool Verify(byte[] pub, byte[] hash, byte[] sig)
        {
            var r = new BcBigInteger(1, sig, 0, 32);
            var s = new BcBigInteger(1, sig, 32, 32);
            if (r.SignValue <= 0 || r.CompareTo(Params.N) >= 0 || s.SignValue <= 0 || s.CompareTo(_halfN) > 0)
                return false;
            var verifier = new ECDsaSigner();
            verifier.Init(false, new ECPublicKeyParameters(Params.Curve.DecodePoint(pub), _domain));
            return verifier.VerifySignature(hash, r, s);
        }

        public byte[] Sign(byte[] key, byte[] hash)
        {
            var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            signer.Init(true, new ECPrivateKeyParameters(new BcBigInteger(1, key), _domain));
            var rs = signer.GenerateSignature(hash);
            var sv = rs[1].CompareTo(_halfN) > 0 ? Params.N.Subtract(rs[1]) : rs[1];
            var sig = new byte[64];
            rs[0].ToByteArrayUnsigned().CopyTo(sig, 32 - rs[0].ToByteArrayUnsigned().Length);
            sv.ToByteArrayUnsigned().CopyTo(sig, 64 - sv.ToByteArrayUnsigned().Length);
            return sig;
        }
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
