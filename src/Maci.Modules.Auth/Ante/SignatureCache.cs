using System.Buffers.Binary;
using System.Security.Cryptography;
using Maci.Sdk.Crypto;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// A bounded cache of signature verdicts keyed by (SHA-256 of the tx bytes, signer index), each stored with
/// the inputs it was computed from. A verdict is a pure function of those, so a node with an empty cache
/// reaches the same outcomes: the cache is only a speed-up (CheckTx verdicts reused by FinalizeBlock, and
/// a block's missing verdicts computed in parallel). Oldest entries are evicted first.
/// </summary>
public sealed class SignatureCache(ISecp256k1 crypto, int capacity = 50_000) : ISignatureCache
{
    private readonly record struct Key(UInt128 Low, UInt128 High, int Index);

    private readonly Dictionary<Key, (SignatureCheck Inputs, bool Valid)> _entries = new();
    private readonly Queue<Key> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    private static Key KeyOf(DecodedTx tx, int index)
    {
        Span<byte> h = stackalloc byte[32];
        SHA256.HashData(tx.Raw, h);
        return new Key(BinaryPrimitives.ReadUInt128LittleEndian(h), BinaryPrimitives.ReadUInt128LittleEndian(h[16..]), index);
    }

    public bool TryGet(DecodedTx tx, int signerIndex, in SignatureCheck inputs, out bool valid)
    {
        valid = false;
        lock (_lock)
        {
            if (!_entries.TryGetValue(KeyOf(tx, signerIndex), out var e) || !e.Inputs.Matches(inputs)) return false;
            valid = e.Valid;
            return true;
        }
    }

    public void Record(DecodedTx tx, int signerIndex, in SignatureCheck inputs, bool valid)
    {
        var key = KeyOf(tx, signerIndex);
        lock (_lock)
        {
            if (!_entries.ContainsKey(key)) _order.Enqueue(key);
            _entries[key] = (inputs, valid);
            while (_entries.Count > capacity) _entries.Remove(_order.Dequeue());
        }
    }

    /// <summary>Verifies, in parallel, every (tx, signer) of <paramref name="work"/> not already cached with the same inputs.</summary>
    public void VerifyMissing(IReadOnlyList<(DecodedTx Tx, SignatureCheck[] Signers)> work, int maxParallelism)
    {
        var todo = new List<(DecodedTx Tx, int Index, SignatureCheck Inputs)>();
        foreach (var (tx, signers) in work)
            for (var s = 0; s < signers.Length; s++)
                if (!TryGet(tx, s, signers[s], out _)) todo.Add((tx, s, signers[s]));
        var verdicts = new bool[todo.Count];
        Parallel.For(0, todo.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, i =>
        {
            var (tx, s, inputs) = todo[i];
            verdicts[i] = Verify(crypto, tx, s, inputs);
        });
        for (var i = 0; i < todo.Count; i++) Record(todo[i].Tx, todo[i].Index, todo[i].Inputs, verdicts[i]);
    }

    /// <summary>The verdict itself: secp256k1 over SHA-256(SignDoc) with the given key, account number and chain id.</summary>
    public static bool Verify(ISecp256k1 crypto, DecodedTx tx, int index, in SignatureCheck inputs)
    {
        if (index >= tx.Signatures.Length || tx.Signatures[index].Length != 64 || inputs.PublicKey.Length != 33) return false;
        Span<byte> hash = stackalloc byte[32];
        SignDocHasher.Hash(tx.BodyBytes.Span, tx.AuthInfoBytes.Span, inputs.ChainId, inputs.AccountNumber, hash);
        return crypto.Verify(inputs.PublicKey, hash, tx.Signatures[index].Span);
    }
}
