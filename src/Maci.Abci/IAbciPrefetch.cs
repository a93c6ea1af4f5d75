namespace Maci.Abci;

/// <summary>
/// Optional companion of <see cref="IAbciApplication"/>. When the socket server holds several pipelined CheckTx (NEW)
/// requests of one connection (sent before a Flush, as CometBFT's mempool does), it first hands their txs to
/// <see cref="PrefetchCheckTx"/>, then makes the CheckTx calls one by one in request order as usual.
/// </summary>
/// <remarks>
/// A hint only: the application may use it to do order-independent work in parallel (e.g. verify signatures into a
/// cache), but the following CheckTx calls must give exactly the responses they would give without it. The server
/// calls it from the connection's request loop, so it delays that connection only; an exception is logged and ignored.
/// </remarks>
public interface IAbciPrefetch
{
    /// <summary>The raw txs of the queued CheckTx requests, in request order (at least two).</summary>
    void PrefetchCheckTx(IReadOnlyList<ReadOnlyMemory<byte>> txs);
}
