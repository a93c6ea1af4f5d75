namespace Maci.Bench;

/// <summary>The list of benchmark suites; each suite prints its own figures.</summary>
public static class BenchSuites
{
    private static readonly (string Name, string About, Func<string[], int> Run)[] Suites =
    [
        ("secp256k1", "Cosmos secp256k1 verify/sign medians vs CosmJS (--quick)", Secp256k1Bench.Run),
        ("rounds", "full app on RocksDB: publish-message tx/s (CheckTx + FinalizeBlock + Commit), CheckTx + FinalizeBlock ms per proof tx; keeper-only lines (--blocks, --txs, --proofs, --socket, --no-keeper)", RoundsBench.Run),
        ("zk", "Poseidon, EdDSA-Poseidon, ECDH, poseidon-cipher, tree insert (vs circomlibjs)", ZkPrimitivesBench.Run),
        ("storage", "commit latency of 1,000 tx x 4 writes; app-hash update cost", StorageBench.Run),
        ("banksend", "signed bank sends/s through CheckTx + FinalizeBlock + Commit, commit latency", BankSendBench.Run),
        ("groth16", "BN254 fields, pairing and Groth16 verify of a Dora proof vs snarkjs", Groth16Bench.Run),
        ("nodeload", "running node: 20,000 txs from 8 JSON-RPC clients, tx/s, p50/p99 inclusion latency, exactly once", NodeLoadBench.Run),
    ];

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "all")
            return Suites.Aggregate(0, (rc, s) => Math.Max(rc, s.Run(args[1..])));
        foreach (var suite in Suites)
            if (args.Length > 0 && suite.Name == args[0])
                return suite.Run(args[1..]);
        Console.Error.WriteLine("usage: bench <suite|all> [options]");
        foreach (var s in Suites) Console.Error.WriteLine($"  {s.Name,-14} {s.About}");
        return 2;
    }
}
