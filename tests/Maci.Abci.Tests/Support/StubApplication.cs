using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>Base for single-purpose test applications: every required method throws unless overridden.</summary>
public abstract class StubApplication : IAbciApplication
{
    public virtual ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct) => throw NotUsed();
    public virtual ValueTask<ResponseInitChain> InitChainAsync(RequestInitChain request, CancellationToken ct) => throw NotUsed();
    public virtual ValueTask<ResponseQuery> QueryAsync(RequestQuery request, CancellationToken ct) => throw NotUsed();
    public virtual ValueTask<ResponseCheckTx> CheckTxAsync(RequestCheckTx request, CancellationToken ct) => throw NotUsed();
    public virtual ValueTask<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request, CancellationToken ct) =>
        throw NotUsed();
    public virtual ValueTask<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request, CancellationToken ct) =>
        throw NotUsed();
    public virtual ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken ct) =>
        throw NotUsed();
    public virtual ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken ct) => throw NotUsed();

    private NotSupportedException NotUsed() => new($"{GetType().Name} does not implement this method.");
}
