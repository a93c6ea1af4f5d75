using Maci.Node.Chain;
using Maci.Node.Store;

namespace Maci.Node.Rpc;

public sealed partial class RpcDispatcher
{
    private const long BlockchainLimit = 20;

    private BlockStore Store => _backend.Blocks;

    /// <summary>The height served as latest (committed and indexed), see <see cref="IChainBackend.LatestHeight"/>.</summary>
    private long Latest => _backend.LatestHeight;

    /// <summary>CometBFT's getHeight: absent = latest; must be within [base, latest].</summary>
    private long ResolveHeight(long? requested, long latest)
    {
        if (requested is null) return latest;
        var h = requested.Value;
        if (h <= 0) throw RpcException.Internal($"height must be greater than 0, but got {h}");
        if (h > latest)
            throw RpcException.Internal($"height {h} must be less than or equal to the current blockchain height {latest}");
        var @base = Store.Base;
        if (h < @base) throw RpcException.Internal($"height {h} is not available, lowest height is {@base}");
        return h;
    }

    private byte[] Block(RpcParams p)
    {
        var h = ResolveHeight(p.Int64("height"), Latest);
        return CometJson.BlockResult(Store.LoadBlockId(h), Store.LoadBlock(h));
    }

    private byte[] BlockByHash(RpcParams p)
    {
        var hash = p.Bytes("hash") ?? throw RpcException.InvalidParams("missing parameter hash");
        var h = Store.HeightByHash(hash);
        if (h > Latest) h = null; // stored, but its height is not committed yet
        return h is null ? CometJson.BlockResult(null, null) : CometJson.BlockResult(Store.LoadBlockId(h.Value), Store.LoadBlock(h.Value));
    }

    private byte[] Header(RpcParams p)
    {
        var h = ResolveHeight(p.Int64("height"), Latest);
        var block = Store.LoadBlock(h);
        return CometJson.Render(w =>
        {
            w.WriteStartObject();
            if (block is null) w.WriteNull("header");
            else CometJson.WriteHeader(w, "header", block.Header);
            w.WriteEndObject();
        });
    }

    private byte[] BlockSearch(RpcParams p)
    {
        var text = p.String("query") ?? throw RpcException.InvalidParams("missing parameter query");
        if (text.Length > Query.EventQuery.MaxLength) throw RpcException.Internal("maximum query length exceeded");
        var (heights, total) = _backend.BlockIndex.Search(Query.EventQuery.Parse(text), p.Int32("page"), p.Int32("per_page"),
            p.String("order_by"));
        var found = new List<(BlockId, Block)>();
        foreach (var h in heights)
            if (Store.LoadBlock(h) is { } block && Store.LoadBlockId(h) is { } id)
                found.Add((id, block));
        return CometJson.BlockSearchResult(found, total);
    }

    private byte[] BlockResults(RpcParams p)
    {
        var h = ResolveHeight(p.Int64("height"), Latest);
        var results = Store.LoadResults(h) ?? throw RpcException.Internal($"could not find results for height #{h}");
        return CometJson.BlockResultsResult(results);
    }

    private byte[] Blockchain(RpcParams p)
    {
        var min = p.Int64("minHeight") ?? 0;
        var max = p.Int64("maxHeight") ?? 0;
        var latest = Latest;
        if (min < 0 || max < 0) throw RpcException.Internal("heights must be non-negative");
        if (min == 0) min = 1;
        if (max == 0) max = latest;
        max = Math.Min(latest, max);
        min = Math.Max(Store.Base, min);
        min = Math.Max(min, max - BlockchainLimit + 1);
        if (min > max) throw RpcException.Internal($"min height {min} can't be greater than max height {max}");
        var metas = new List<BlockMeta>();
        for (var h = max; h >= min; h--)
            if (Store.LoadMeta(h) is { } m) metas.Add(m);
        return CometJson.BlockchainResult(latest, metas);
    }

    /// <summary>The latest height's commit is the node's own (non-canonical); older ones come from the next block.</summary>
    private byte[] Commit(RpcParams p)
    {
        var latest = Latest;
        var h = ResolveHeight(p.Int64("height"), latest);
        var header = Store.LoadBlock(h)?.Header ?? throw RpcException.Internal($"block at height {h} not found");
        if (h == latest)
            return CometJson.CommitResult(header, Store.LoadCommit(h) ?? throw RpcException.Internal($"commit at height {h} not found"), false);
        var next = Store.LoadBlock(h + 1) ?? throw RpcException.Internal($"block at height {h + 1} not found");
        return CometJson.CommitResult(header, next.LastCommit, true);
    }

    private byte[] Validators(RpcParams p)
    {
        // Validators are known one height ahead of the last block.
        var h = ResolveHeight(p.Int64("height"), Latest + 1);
        var set = _backend.ValidatorsAt(h);
        var page = Paging.Slice(set, p.Int32("page"), p.Int32("per_page"));
        return CometJson.ValidatorsResult(h, page, set.Count);
    }

    private byte[] ConsensusParams(RpcParams p)
    {
        var h = ResolveHeight(p.Int64("height"), Latest + 1);
        return CometJson.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("block_height", h.ToString(System.Globalization.CultureInfo.InvariantCulture));
            CometJson.WriteConsensusParams(w, "consensus_params", _backend.Genesis.ConsensusParams);
            w.WriteEndObject();
        });
    }
}
