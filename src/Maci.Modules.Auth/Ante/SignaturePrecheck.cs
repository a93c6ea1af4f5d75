using System.Runtime.CompilerServices;
using Maci.Sdk.Crypto;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// Verifies many signatures in parallel before sequential execution. Each result is a pure function of
/// (tx bytes, signer index, public key, account number, chain id), recorded with those inputs, so the
/// ante chain consults it only when its own inputs match: outcomes stay deterministic.
/// </summary>
public sealed class SignaturePrecheck(ISecp256k1 crypto) : ISignatureCache
{
    private readonly ConditionalWeakTable<DecodedTx, Entry[]> _results = new();

    private sealed record Entry(SignatureCheck Inputs, bool Valid);

    public void Verify(IReadOnlyList<(DecodedTx Tx, SignatureCheck[] Signers)> work, int maxParallelism)
    {
        var results = new Entry[work.Count][];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, i =>
        {
            var (tx, signers) = work[i];
            var entries = new Entry[signers.Length];
            Span<byte> hash = stackalloc byte[32];
            for (var s = 0; s < signers.Length; s++)
            {
                var inputs = signers[s];
                var ok = s < tx.Signatures.Length && tx.Signatures[s].Length == 64 && inputs.PublicKey.Length == 33;
                if (ok)
                {
                    SignDocHasher.Hash(tx.BodyBytes.Span, tx.AuthInfoBytes.Span, inputs.ChainId, inputs.AccountNumber, hash);
                    ok = crypto.Verify(inputs.PublicKey, hash, tx.Signatures[s].Span);
                }
                entries[s] = new Entry(inputs, ok);
            }
            results[i] = entries;
        });
        for (var i = 0; i < work.Count; i++) _results.AddOrUpdate(work[i].Tx, results[i]);
    }

    public bool TryGet(DecodedTx tx, int signerIndex, in SignatureCheck inputs, out bool valid)
    {
        valid = false;
        if (!_results.TryGetValue(tx, out var entries) || signerIndex >= entries.Length) return false;
        var e = entries[signerIndex];
        if (!e.Inputs.Matches(inputs)) return false;
        valid = e.Valid;
        return true;
    }

    public void Clear() => _results.Clear();
}
