namespace Maci.Node.Chain;

/// <summary>A block: header, transactions, and the commit for the previous block (no evidence here).</summary>
public sealed record Block(Header Header, IReadOnlyList<byte[]> Txs, Commit LastCommit)
{
    public const int PartSizeBytes = 65536;

    /// <summary>The protobuf encoding of tendermint.types.Block.</summary>
    public byte[] Encode() => CometProto.EncodeBlock(this);

    /// <summary>The block id: header hash plus the part set header over 64 KiB chunks of the encoding.</summary>
    public BlockId ComputeBlockId() => ComputeBlockId(Encode());

    public BlockId ComputeBlockId(byte[] encoded)
    {
        var parts = new List<byte[]>();
        for (var offset = 0; offset < encoded.Length; offset += PartSizeBytes)
            parts.Add(encoded.AsSpan(offset, Math.Min(PartSizeBytes, encoded.Length - offset)).ToArray());
        return new BlockId(Header.ComputeHash(), new PartSetHeader((uint)parts.Count, MerkleTree.Root(parts)));
    }

    /// <summary>Data hash: Merkle root over the sha256 of each transaction.</summary>
    public static byte[] ComputeDataHash(IReadOnlyList<byte[]> txs) =>
        MerkleTree.Root(txs.Select(TxHash.Compute).ToArray());
}
