namespace Maci.Storage.Smt;

/// <summary>Database keys of tree nodes: table byte ‖ depth ‖ the first depth bits of the path (zero-padded).</summary>
internal static class SmtNodeKey
{
    public const byte Table = 0x02;
    public const int MaxDepth = 255;

    public static byte[] For(int depth, ReadOnlySpan<byte> keyHash)
    {
        if (depth > MaxDepth)
            throw new InvalidOperationException("Merkle tree path exceeds 255 bits (SHA-256 prefix collision)");
        var n = (depth + 7) >> 3;
        var key = new byte[2 + n];
        key[0] = Table;
        key[1] = (byte)depth;
        keyHash[..n].CopyTo(key.AsSpan(2));
        if ((depth & 7) != 0) key[^1] &= (byte)(0xFF << (8 - (depth & 7)));
        return key;
    }
}
