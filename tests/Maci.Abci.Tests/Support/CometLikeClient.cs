using System.Net;
using Google.Protobuf;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>
/// Connects like CometBFT's multi-app connection: four sockets opened in the order query, snapshot, mempool,
/// consensus; synchronous calls send request + Flush; CheckTx can be pipelined and flushed later.
/// </summary>
public sealed class CometLikeClient : IAsyncDisposable
{
    private CometLikeClient(
        AbciClientConnection query, AbciClientConnection snapshot, AbciClientConnection mempool, AbciClientConnection consensus)
    {
        Query = query;
        Snapshot = snapshot;
        Mempool = mempool;
        Consensus = consensus;
    }

    public AbciClientConnection Query { get; }
    public AbciClientConnection Snapshot { get; }
    public AbciClientConnection Mempool { get; }
    public AbciClientConnection Consensus { get; }

    public IEnumerable<AbciClientConnection> All => [Query, Snapshot, Mempool, Consensus];

    public static async Task<CometLikeClient> ConnectAsync(EndPoint endPoint, CancellationToken ct = default)
    {
        var query = await AbciClientConnection.ConnectAsync(endPoint, "query", ct);
        var snapshot = await AbciClientConnection.ConnectAsync(endPoint, "snapshot", ct);
        var mempool = await AbciClientConnection.ConnectAsync(endPoint, "mempool", ct);
        var consensus = await AbciClientConnection.ConnectAsync(endPoint, "consensus", ct);
        return new CometLikeClient(query, snapshot, mempool, consensus);
    }

    // Query connection
    public async Task<ResponseInfo> InfoAsync() =>
        (await Query.CallAsync(new Request
        {
            Info = new RequestInfo { Version = "0.38.25", BlockVersion = 11, P2PVersion = 8, AbciVersion = "2.0.0" },
        })).Info;

    public async Task<ResponseQuery> QueryAsync(RequestQuery request) =>
        (await Query.CallAsync(new Request { Query = request })).Query;

    // Mempool connection
    /// <summary>Queues a CheckTx without sending it; call <see cref="AbciClientConnection.FlushAsync"/> on <see cref="Mempool"/>.</summary>
    public async Task<ResponseCheckTx> QueueCheckTx(byte[] tx, CheckTxType type = CheckTxType.New) =>
        (await Mempool.Enqueue(new Request { CheckTx = new RequestCheckTx { Tx = ByteString.CopyFrom(tx), Type = type } })).CheckTx;

    // Consensus connection
    public async Task<ResponseInitChain> InitChainAsync(RequestInitChain request) =>
        (await Consensus.CallAsync(new Request { InitChain = request })).InitChain;

    public async Task<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request) =>
        (await Consensus.CallAsync(new Request { PrepareProposal = request })).PrepareProposal;

    public async Task<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request) =>
        (await Consensus.CallAsync(new Request { ProcessProposal = request })).ProcessProposal;

    public async Task<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request) =>
        (await Consensus.CallAsync(new Request { FinalizeBlock = request })).FinalizeBlock;

    public async Task<ResponseCommit> CommitAsync() =>
        (await Consensus.CallAsync(new Request { Commit = new RequestCommit() })).Commit;

    public async Task<ResponseExtendVote> ExtendVoteAsync(RequestExtendVote request) =>
        (await Consensus.CallAsync(new Request { ExtendVote = request })).ExtendVote;

    public async Task<ResponseVerifyVoteExtension> VerifyVoteExtensionAsync(RequestVerifyVoteExtension request) =>
        (await Consensus.CallAsync(new Request { VerifyVoteExtension = request })).VerifyVoteExtension;

    // Snapshot connection
    public async Task<ResponseListSnapshots> ListSnapshotsAsync() =>
        (await Snapshot.CallAsync(new Request { ListSnapshots = new RequestListSnapshots() })).ListSnapshots;

    public async Task<ResponseOfferSnapshot> OfferSnapshotAsync(RequestOfferSnapshot request) =>
        (await Snapshot.CallAsync(new Request { OfferSnapshot = request })).OfferSnapshot;

    public async Task<ResponseLoadSnapshotChunk> LoadSnapshotChunkAsync(RequestLoadSnapshotChunk request) =>
        (await Snapshot.CallAsync(new Request { LoadSnapshotChunk = request })).LoadSnapshotChunk;

    public async Task<ResponseApplySnapshotChunk> ApplySnapshotChunkAsync(RequestApplySnapshotChunk request) =>
        (await Snapshot.CallAsync(new Request { ApplySnapshotChunk = request })).ApplySnapshotChunk;

    public static async Task<string> EchoAsync(AbciClientConnection connection, string message) =>
        (await connection.CallAsync(new Request { Echo = new RequestEcho { Message = message } })).Echo.Message;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in All)
        {
            await connection.DisposeAsync();
        }
    }
}
