using System.Buffers.Binary;
using Maci.Storage.Smt;

namespace Maci.Storage;

/// <summary>
/// A membership or non-membership proof in the state's sparse Merkle tree. <see cref="Siblings"/>[i]
/// is the hash of the sibling subtree at depth i+1 on the key hash's path (root side first); the path
/// ends at <see cref="Siblings"/>.Count in either an empty subtree (no leaf) or a leaf, given by its
/// key hash and value hash. Check it with <see cref="SmtVerifier"/>.
/// </summary>
public sealed record SmtProof
{
    /// <summary>Suggested ProofOp type for these proofs in an ABCI Query response (ProofOp.key = the full key).</summary>
    public const string ProofOpType = "maci:smt-sha256:v1";

    private const byte Version = 1;
    private const int H = SmtHasher.Size;

    public SmtProof(IReadOnlyList<byte[]> siblings, byte[]? leafKeyHash, byte[]? leafValueHash)
    {
        if (siblings.Count > SmtHasher.MaxDepth) throw new ArgumentException("too many siblings", nameof(siblings));
        foreach (var s in siblings)
            if (s.Length != H) throw new ArgumentException("sibling hashes are 32 bytes", nameof(siblings));
        if ((leafKeyHash is null) != (leafValueHash is null))
            throw new ArgumentException("a leaf needs both its key hash and its value hash");
        if (leafKeyHash is not null && (leafKeyHash.Length != H || leafValueHash!.Length != H))
            throw new ArgumentException("leaf hashes are 32 bytes");
        Siblings = siblings;
        LeafKeyHash = leafKeyHash;
        LeafValueHash = leafValueHash;
    }

    public IReadOnlyList<byte[]> Siblings { get; }

    /// <summary>Key hash of the leaf where the path ends, or null when it ends in an empty subtree.</summary>
    public byte[]? LeafKeyHash { get; }

    public byte[]? LeafValueHash { get; }

    /// <summary>
    /// Wire form: version (1) ‖ flags (bit 0 = ends in a leaf) ‖ sibling count (u16 big-endian) ‖
    /// siblings (32 bytes each) ‖ leaf key hash ‖ leaf value hash (when flagged).
    /// </summary>
    public byte[] ToBytes()
    {
        var hasLeaf = LeafKeyHash is not null;
        var bytes = new byte[4 + H * Siblings.Count + (hasLeaf ? 2 * H : 0)];
        bytes[0] = Version;
        bytes[1] = hasLeaf ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)Siblings.Count);
        var at = 4;
        foreach (var s in Siblings)
        {
            s.CopyTo(bytes, at);
            at += H;
        }
        if (hasLeaf)
        {
            LeafKeyHash!.CopyTo(bytes, at);
            LeafValueHash!.CopyTo(bytes, at + H);
        }
        return bytes;
    }

    /// <summary>Parses <see cref="ToBytes"/> output strictly; throws <see cref="FormatException"/> on anything else.</summary>
    public static SmtProof Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4) throw new FormatException("Merkle proof is shorter than its 4-byte header");
        if (bytes[0] != Version) throw new FormatException($"unknown Merkle proof version {bytes[0]}");
        if (bytes[1] > 1) throw new FormatException($"unknown Merkle proof flags 0x{bytes[1]:x2}");
        var hasLeaf = bytes[1] == 1;
        int count = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        if (count > SmtHasher.MaxDepth) throw new FormatException($"Merkle proof has {count} siblings (at most 255)");
        var expected = 4 + H * count + (hasLeaf ? 2 * H : 0);
        if (bytes.Length != expected)
            throw new FormatException($"Merkle proof is {bytes.Length} bytes, expected {expected}");
        var siblings = new byte[count][];
        for (var i = 0; i < count; i++) siblings[i] = bytes.Slice(4 + H * i, H).ToArray();
        if (!hasLeaf) return new SmtProof(siblings, null, null);
        var leaf = bytes[(4 + H * count)..];
        return new SmtProof(siblings, leaf[..H].ToArray(), leaf[H..].ToArray());
    }

    public bool Equals(SmtProof? other) =>
        other is not null && ToBytes().AsSpan().SequenceEqual(other.ToBytes());

    public override int GetHashCode() => ToBytes().Length;
}
