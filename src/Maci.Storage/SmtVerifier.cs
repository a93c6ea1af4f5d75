using Maci.Storage.Smt;

namespace Maci.Storage;

/// <summary>
/// Pure verification of <see cref="SmtProof"/>s against an app hash. Hashes: keyHash = SHA-256(key),
/// valueHash = SHA-256(value), leaf = SHA-256(0x00 ‖ keyHash ‖ valueHash), internal =
/// SHA-256(0x01 ‖ left ‖ right), empty subtree = 32 zero bytes (also the hash of the empty state).
/// </summary>
public static class SmtVerifier
{
    /// <summary>The app hash of an empty state.</summary>
    public static ReadOnlySpan<byte> EmptyRoot => new byte[SmtHasher.Size];

    /// <summary>True when the proof shows that <paramref name="key"/> maps to <paramref name="value"/> under <paramref name="root"/>.</summary>
    public static bool VerifyMembership(ReadOnlySpan<byte> root, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, SmtProof proof)
    {
        if (proof.LeafKeyHash is null) return false;
        var keyHash = SmtHasher.Hash(key);
        if (!proof.LeafKeyHash.AsSpan().SequenceEqual(keyHash)) return false;
        if (!proof.LeafValueHash.AsSpan().SequenceEqual(SmtHasher.Hash(value))) return false;
        return RootOf(keyHash, SmtHasher.Leaf(proof.LeafKeyHash, proof.LeafValueHash!), proof).SequenceEqual(root);
    }

    /// <summary>True when the proof shows that <paramref name="key"/> is absent under <paramref name="root"/>.</summary>
    public static bool VerifyNonMembership(ReadOnlySpan<byte> root, ReadOnlySpan<byte> key, SmtProof proof)
    {
        var keyHash = SmtHasher.Hash(key);
        byte[] terminal;
        if (proof.LeafKeyHash is null)
        {
            terminal = new byte[SmtHasher.Size];
        }
        else
        {
            // Another key's leaf occupies the subtree our path enters: it must share the path so far.
            if (proof.LeafKeyHash.AsSpan().SequenceEqual(keyHash)) return false;
            if (!SmtHasher.SharePrefix(proof.LeafKeyHash, keyHash, proof.Siblings.Count)) return false;
            terminal = SmtHasher.Leaf(proof.LeafKeyHash, proof.LeafValueHash!);
        }
        return RootOf(keyHash, terminal, proof).SequenceEqual(root);
    }

    /// <summary>Verifies either kind: <paramref name="value"/> null means "absent".</summary>
    public static bool Verify(ReadOnlySpan<byte> root, ReadOnlySpan<byte> key, byte[]? value, SmtProof proof) =>
        value is null ? VerifyNonMembership(root, key, proof) : VerifyMembership(root, key, value, proof);

    private static ReadOnlySpan<byte> RootOf(byte[] keyHash, byte[] terminal, SmtProof proof)
    {
        var current = terminal;
        for (var depth = proof.Siblings.Count - 1; depth >= 0; depth--)
        {
            var sibling = proof.Siblings[depth];
            current = SmtHasher.Bit(keyHash, depth) == 0
                ? SmtHasher.Internal(current, sibling)
                : SmtHasher.Internal(sibling, current);
        }
        return current;
    }
}
