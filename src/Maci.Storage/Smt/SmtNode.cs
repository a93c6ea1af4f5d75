namespace Maci.Storage.Smt;

/// <summary>
/// A stored tree node. A leaf holds (keyHash, valueHash) and sits at the shallowest depth where it is
/// alone in its subtree; an internal node holds the kinds and hashes of both children (it exists
/// only when its subtree holds at least two leaves). Neither stores its own hash: the parent (or the
/// commit metadata, for the root) has it.
/// Encoding: leaf = 0x01 ‖ keyHash ‖ valueHash (65 bytes); internal = 0x02 ‖ leftKind ‖ rightKind ‖
/// leftHash ‖ rightHash (67 bytes).
/// </summary>
internal sealed class SmtNode
{
    private const int H = SmtHasher.Size;

    private SmtNode(SmtNodeKind kind, byte[] a, byte[] b, SmtNodeKind leftKind, SmtNodeKind rightKind)
    {
        Kind = kind;
        A = a;
        B = b;
        LeftKind = leftKind;
        RightKind = rightKind;
    }

    public SmtNodeKind Kind { get; }

    private byte[] A { get; }

    private byte[] B { get; }

    public byte[] KeyHash => A;

    public byte[] ValueHash => B;

    public byte[] LeftHash => A;

    public byte[] RightHash => B;

    public SmtNodeKind LeftKind { get; }

    public SmtNodeKind RightKind { get; }

    public static SmtNode Leaf(byte[] keyHash, byte[] valueHash) =>
        new(SmtNodeKind.Leaf, keyHash, valueHash, SmtNodeKind.Empty, SmtNodeKind.Empty);

    public static SmtNode Internal(SmtNodeKind leftKind, byte[] leftHash, SmtNodeKind rightKind, byte[] rightHash) =>
        new(SmtNodeKind.Internal, leftHash, rightHash, leftKind, rightKind);

    public byte[] ComputeHash() => Kind == SmtNodeKind.Leaf ? SmtHasher.Leaf(A, B) : SmtHasher.Internal(A, B);

    public SmtNodeKind ChildKind(int bit) => bit == 0 ? LeftKind : RightKind;

    public byte[] ChildHash(int bit) => bit == 0 ? LeftHash : RightHash;

    public const int MaxEncodedSize = 3 + 2 * H;

    /// <summary>Writes the encoding into <paramref name="destination"/> (at least <see cref="MaxEncodedSize"/> bytes) and returns its length.</summary>
    public int EncodeTo(Span<byte> destination)
    {
        if (Kind == SmtNodeKind.Leaf)
        {
            destination[0] = (byte)SmtNodeKind.Leaf;
            A.CopyTo(destination[1..]);
            B.CopyTo(destination[(1 + H)..]);
            return 1 + 2 * H;
        }
        destination[0] = (byte)SmtNodeKind.Internal;
        destination[1] = (byte)LeftKind;
        destination[2] = (byte)RightKind;
        A.CopyTo(destination[3..]);
        B.CopyTo(destination[(3 + H)..]);
        return MaxEncodedSize;
    }

    public static SmtNode Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length == 1 + 2 * H && data[0] == (byte)SmtNodeKind.Leaf)
            return Leaf(data.Slice(1, H).ToArray(), data.Slice(1 + H, H).ToArray());
        if (data.Length == 3 + 2 * H && data[0] == (byte)SmtNodeKind.Internal && data[1] <= 2 && data[2] <= 2)
            return Internal((SmtNodeKind)data[1], data.Slice(3, H).ToArray(), (SmtNodeKind)data[2], data.Slice(3 + H, H).ToArray());
        throw new InvalidDataException($"corrupt Merkle tree node ({data.Length} bytes)");
    }
}
