using Microsoft.Extensions.Logging;

namespace Maci.Abci.Server;

/// <summary>Source-generated log messages of the ABCI socket server.</summary>
internal static partial class AbciServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ABCI server listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ABCI server stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "ABCI connection {ConnectionId} accepted from {Remote}")]
    public static partial void Accepted(ILogger logger, long connectionId, string remote);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "ABCI connection refused: {Limit} connections already open")]
    public static partial void TooManyConnections(ILogger logger, int limit);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "ABCI accept failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "ABCI connection {ConnectionId} closed by client")]
    public static partial void ClosedByClient(ILogger logger, long connectionId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "ABCI connection {ConnectionId}: client disconnected mid-frame ({Pending} bytes of an incomplete frame)")]
    public static partial void DisconnectedMidFrame(ILogger logger, long connectionId, long pending);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error,
        Message = "ABCI connection {ConnectionId}: protocol error, answering with an exception and closing: {Error}")]
    public static partial void ProtocolError(ILogger logger, long connectionId, string error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error,
        Message = "ABCI connection {ConnectionId}: application failed in {Method}; answering with an exception and closing")]
    public static partial void ApplicationFailed(ILogger logger, long connectionId, string method, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "ABCI connection {ConnectionId}: I/O error")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "ABCI connection {ConnectionId} ended")]
    public static partial void ConnectionEnded(ILogger logger, long connectionId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning,
        Message = "ABCI connection {ConnectionId}: CheckTx prefetch of {Count} txs failed; continuing without it")]
    public static partial void PrefetchFailed(ILogger logger, long connectionId, int count, Exception exception);
}
