using System.Buffers.Binary;
using Maci.Node.Chain;
using Maci.Storage;

namespace Maci.Node.Store;

/// <summary>
/// Blocks, their ids, commits and FinalizeBlock results by height, over an ordered key-value store.
/// Heights are contiguous from <see cref="Base"/> to <see cref="Height"/>. On an <see cref="IKvDatabase"/>
/// each block is written in one synced atomic batch.
/// </summary>
public sealed class BlockStore(IKvStore store)
{
    private readonly Lock _gate = new();

    /// <summary>The lowest stored height (0 when empty).</summary>
    public long Base => ReadState("base");

    /// <summary>The latest stored height (0 when empty).</summary>
    public long Height => ReadState("height");

    /// <summary>
    /// Stores a block with its id, the commit that finalised it and its results. The height must be
    /// the next one (or any height when the store is empty).
    /// </summary>
    public void SaveBlock(Block block, BlockId blockId, Commit seenCommit, BlockResults results)
    {
        ArgumentNullException.ThrowIfNull(block);
        var height = block.Header.Height;
        if (height <= 0) throw new ArgumentException($"block height must be positive, got {height}");
        if (results.Height != height || seenCommit.Height != height)
            throw new ArgumentException($"results/commit heights ({results.Height}/{seenCommit.Height}) differ from block height {height}");
        if (results.TxResults.Count != block.Txs.Count)
            throw new ArgumentException($"{results.TxResults.Count} tx results for {block.Txs.Count} txs");
        lock (_gate)
        {
            var latest = Height;
            if (latest != 0 && height != latest + 1)
                throw new InvalidOperationException($"cannot save block {height}: latest stored height is {latest}");
            using var w = new KvWriter(store);
            w.Put(StoreKeys.ByHeight(StoreKeys.Block, height), block.Encode());
            w.Put(StoreKeys.ByHeight(StoreKeys.BlockId, height), CometProto.EncodeBlockId(blockId));
            w.Put(StoreKeys.ByBytes(StoreKeys.HashToHeight, blockId.Hash), Int64Bytes(height));
            w.Put(StoreKeys.ByHeight(StoreKeys.Results, height), CometProto.EncodeBlockResults(results));
            w.Put(StoreKeys.ByHeight(StoreKeys.SeenCommit, height), CometProto.EncodeCommit(seenCommit));
            if (latest == 0) w.Put(StoreKeys.StateKey("base"), Int64Bytes(height));
            w.Put(StoreKeys.StateKey("height"), Int64Bytes(height));
            w.Commit();
        }
    }

    public Block? LoadBlock(long height) => Load(StoreKeys.Block, height, CometProto.DecodeBlock);

    public BlockId? LoadBlockId(long height) => Load(StoreKeys.BlockId, height, CometProto.DecodeBlockId);

    public BlockResults? LoadResults(long height) => Load(StoreKeys.Results, height, CometProto.DecodeBlockResults);

    /// <summary>The commit for <paramref name="height"/> (the one this node saw when it finalised the block).</summary>
    public Commit? LoadCommit(long height) => Load(StoreKeys.SeenCommit, height, CometProto.DecodeCommit);

    public long? HeightByHash(ReadOnlySpan<byte> hash)
    {
        var v = store.Get(StoreKeys.ByBytes(StoreKeys.HashToHeight, hash));
        return v is null ? null : BinaryPrimitives.ReadInt64BigEndian(v);
    }

    public BlockMeta? LoadMeta(long height)
    {
        var raw = store.Get(StoreKeys.ByHeight(StoreKeys.Block, height));
        var id = LoadBlockId(height);
        if (raw is null || id is null) return null;
        var block = CometProto.DecodeBlock(raw);
        return new BlockMeta(id, raw.Length, block.Header, block.Txs.Count);
    }

    private T? Load<T>(byte prefix, long height, Func<byte[], T> decode) where T : class
    {
        var raw = store.Get(StoreKeys.ByHeight(prefix, height));
        return raw is null ? null : decode(raw);
    }

    private long ReadState(string name)
    {
        var v = store.Get(StoreKeys.StateKey(name));
        return v is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(v);
    }

    private static byte[] Int64Bytes(long v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, v);
        return b;
    }
}
