using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>The kvstore application whose Commit throws the given exception.</summary>
public sealed class ThrowingCommitApplication(Exception failure) : StubApplication
{
    private readonly KvStoreApplication _inner = new();

    public override ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct) => _inner.InfoAsync(request, ct);

    public override ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken ct) => throw failure;
}
